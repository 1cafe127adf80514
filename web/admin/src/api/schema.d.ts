/* Generated from /admin/api/openapi.json by `npm run api:types`; do not edit by hand. */

export interface paths {
    "/admin/api/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Admin API keys (never their secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            apiKeys: {
                                createdAt: string;
                                createdBy: number;
                                id: number;
                                lastUsedAt: string | null;
                                name: string;
                                prefix: string;
                                revokedAt: string | null;
                                /** @enum {string} */
                                role: "contributor" | "author" | "editor" | "administrator";
                            }[];
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create an Admin API key; the secret is in this answer only */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /**
                         * @default editor
                         * @enum {string}
                         */
                        role?: "contributor" | "author" | "editor" | "administrator";
                    };
                };
            };
            responses: {
                /** @description Success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            apiKey: {
                                createdAt: string;
                                createdBy: number;
                                id: number;
                                lastUsedAt: string | null;
                                name: string;
                                prefix: string;
                                revokedAt: string | null;
                                /** @enum {string} */
                                role: "contributor" | "author" | "editor" | "administrator";
                            };
                            secret: string;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an Admin API key; it stops working at once */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            apiKey: {
                                createdAt: string;
                                createdBy: number;
                                id: number;
                                lastUsedAt: string | null;
                                name: string;
                                prefix: string;
                                revokedAt: string | null;
                                /** @enum {string} */
                                role: "contributor" | "author" | "editor" | "administrator";
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/authors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every author profile (bylines) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            authors: {
                                bio: string;
                                id: number;
                                links: {
                                    label: string;
                                    url: string;
                                }[];
                                name: string;
                                photoUrl: string | null;
                                slug: string;
                                website: string | null;
                            }[];
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create an author profile */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default  */
                        bio?: string;
                        /** @default [] */
                        links?: {
                            label: string;
                            url: string;
                        }[];
                        name: string;
                        photoUrl?: string;
                        slug?: string;
                        website?: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            author: {
                                bio: string;
                                id: number;
                                links: {
                                    label: string;
                                    url: string;
                                }[];
                                name: string;
                                photoUrl: string | null;
                                slug: string;
                                website: string | null;
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/authors/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace an author profile (send every field) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default  */
                        bio?: string;
                        /** @default [] */
                        links?: {
                            label: string;
                            url: string;
                        }[];
                        name: string;
                        photoUrl?: string;
                        slug?: string;
                        website?: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            author: {
                                bio: string;
                                id: number;
                                links: {
                                    label: string;
                                    url: string;
                                }[];
                                name: string;
                                photoUrl: string | null;
                                slug: string;
                                website: string | null;
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List comments, newest first, by status and post (authors: comments on their own pieces) */
        get: {
            parameters: {
                query?: {
                    limit?: string;
                    postId?: string;
                    status?: "pending" | "approved" | "hidden";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            comments: {
                                authorName: string;
                                /** @description Plain text as the reader typed it */
                                body: string;
                                createdAt: string;
                                id: number;
                                /** @description Null for an imported comment, and for staff who may not see members */
                                memberEmail: string | null;
                                /** @description Null for a comment imported from someone who is not a member */
                                memberId: number | null;
                                /** @description The member may not comment (an editor stopped them) */
                                memberStopped: boolean;
                                /** @description The top-level comment this one replies to */
                                parentId: number | null;
                                post: {
                                    id: number;
                                    slug: string;
                                    title: string;
                                };
                                postId: number;
                                /** @enum {string} */
                                status: "pending" | "approved" | "hidden";
                            }[];
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/comments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a comment for good, with its replies */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/comments/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a comment: readers see it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            authorName: string;
                            /** @description Plain text as the reader typed it */
                            body: string;
                            createdAt: string;
                            id: number;
                            /** @description Null for a comment imported from someone who is not a member */
                            memberId: number | null;
                            /** @description The top-level comment this one replies to */
                            parentId: number | null;
                            postId: number;
                            /** @enum {string} */
                            status: "pending" | "approved" | "hidden";
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/comments/{id}/hide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hide a comment from readers (it can be approved again) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            authorName: string;
                            /** @description Plain text as the reader typed it */
                            body: string;
                            createdAt: string;
                            id: number;
                            /** @description Null for a comment imported from someone who is not a member */
                            memberId: number | null;
                            /** @description The top-level comment this one replies to */
                            parentId: number | null;
                            postId: number;
                            /** @enum {string} */
                            status: "pending" | "approved" | "hidden";
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/comments/my-emails": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether you get an email when a comment on one of your pieces is shown */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Emails when a comment on one of your pieces is shown */
                            on: boolean;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Turn your comment emails on or off */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Emails when a comment on one of your pieces is shown */
                        on: boolean;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Emails when a comment on one of your pieces is shown */
                            on: boolean;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/comments/posts/{id}/access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A post's own rule for who may comment (null: the site's) and the rule that applies */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            effective: "off" | "members" | "paid";
                            own: ("off" | "members" | "paid") | null;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Set a post's own rule for who may comment, or `inherit` the site's */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description `inherit` follows the site setting
                         * @enum {string}
                         */
                        access: "inherit" | "off" | "members" | "paid";
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            effective: "off" | "members" | "paid";
                            own: ("off" | "members" | "paid") | null;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/comments/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who may comment on pieces without a rule of their own */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            access: "off" | "members" | "paid";
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Set who may comment: off, members or paid (paying members) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        access: "off" | "members" | "paid";
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            access: "off" | "members" | "paid";
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/comments/stopped-members/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Stop a member from commenting (they are told so when they try) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Let a stopped member comment again */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/content-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Content API keys (never their secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contentKeys: {
                                createdAt: string;
                                createdBy: number;
                                id: number;
                                lastUsedAt: string | null;
                                name: string;
                                prefix: string;
                                revokedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a Content API key; the secret is in this answer only */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contentKey: {
                                createdAt: string;
                                createdBy: number;
                                id: number;
                                lastUsedAt: string | null;
                                name: string;
                                prefix: string;
                                revokedAt: string | null;
                            };
                            secret: string;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/content-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a Content API key; it stops working at once */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contentKey: {
                                createdAt: string;
                                createdBy: number;
                                id: number;
                                lastUsedAt: string | null;
                                name: string;
                                prefix: string;
                                revokedAt: string | null;
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pieces published per week by section, and the most viewed pieces your role sees (cookieless counts) */
        get: {
            parameters: {
                query?: {
                    days?: number;
                    top?: number;
                    weeks?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            publishedPerWeek: {
                                bySection: {
                                    [key: string]: number;
                                };
                                total: number;
                                weekStart: string;
                            }[];
                            topPosts: {
                                id: number;
                                slug: string;
                                title: string;
                                views: number;
                            }[];
                            viewsSince: string;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/follows/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Confirmed followers per section and per author (members and newsletter subscribers), most followed first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            authors: {
                                followers: number;
                                id: number;
                                name: string;
                                slug: string;
                            }[];
                            tags: {
                                followers: number;
                                id: number;
                                name: string;
                                slug: string;
                            }[];
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest imports, newest first, in short (GET /imports/:id has the reports) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            imports: {
                                createdAt: string;
                                createdBy: number | null;
                                error: string | null;
                                fetchImages: boolean;
                                fileName: string;
                                fileSize: number;
                                finishedAt: string | null;
                                id: number;
                                /** @description The latest report in short: posts and pages created (or to create in a dry run), and how many notes it has */
                                outcome: {
                                    dryRun: boolean;
                                    notes: number;
                                    pages: number;
                                    posts: number;
                                } | null;
                                /** @enum {string} */
                                platform: "wordpress" | "ghost" | "substack";
                                progress: {
                                    done: number;
                                    step: string;
                                    total: number;
                                } | null;
                                /** @enum {string} */
                                state: "checked" | "queued" | "running" | "done" | "failed" | "discarded" | "expired";
                            }[];
                            maxBytes: number;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Upload an export (WordPress XML, Ghost JSON or Substack zip, told apart by content) and answer its dry-run report; nothing is imported yet */
        post: {
            parameters: {
                query: {
                    fetchImages?: "true" | "false";
                    name: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/octet-stream": string;
                };
            };
            responses: {
                /** @description Success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            import: {
                                createdAt: string;
                                createdBy: number | null;
                                error: string | null;
                                fetchImages: boolean;
                                fileName: string;
                                fileSize: number;
                                finishedAt: string | null;
                                id: number;
                                /** @enum {string} */
                                platform: "wordpress" | "ghost" | "substack";
                                /** @description The dry run made on upload */
                                preview: {
                                    /** @description Per kind: created, updated, unchanged, skipped */
                                    counts: {
                                        address: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        author: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        image: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        page: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        post: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        section: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        tag: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                    };
                                    dryRun: boolean;
                                    facts: string[];
                                    notes: {
                                        item: string;
                                        /** @enum {string} */
                                        level: "skipped" | "changed" | "doubtful";
                                        reason: string;
                                    }[];
                                    posts?: {
                                        items: {
                                            id: number;
                                            slug: string;
                                            status: string;
                                            title: string;
                                            type: string;
                                        }[];
                                        total: number;
                                    };
                                    source: string;
                                    /** @description The report as the command line prints it */
                                    text: string;
                                } | null;
                                progress: {
                                    done: number;
                                    step: string;
                                    total: number;
                                } | null;
                                /** @description The real import, once done */
                                report: {
                                    /** @description Per kind: created, updated, unchanged, skipped */
                                    counts: {
                                        address: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        author: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        image: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        page: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        post: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        section: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        tag: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                    };
                                    dryRun: boolean;
                                    facts: string[];
                                    notes: {
                                        item: string;
                                        /** @enum {string} */
                                        level: "skipped" | "changed" | "doubtful";
                                        reason: string;
                                    }[];
                                    posts?: {
                                        items: {
                                            id: number;
                                            slug: string;
                                            status: string;
                                            title: string;
                                            type: string;
                                        }[];
                                        total: number;
                                    };
                                    source: string;
                                    /** @description The report as the command line prints it */
                                    text: string;
                                } | null;
                                /** @enum {string} */
                                state: "checked" | "queued" | "running" | "done" | "failed" | "discarded" | "expired";
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One import: its state, progress and reports */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            import: {
                                createdAt: string;
                                createdBy: number | null;
                                error: string | null;
                                fetchImages: boolean;
                                fileName: string;
                                fileSize: number;
                                finishedAt: string | null;
                                id: number;
                                /** @enum {string} */
                                platform: "wordpress" | "ghost" | "substack";
                                /** @description The dry run made on upload */
                                preview: {
                                    /** @description Per kind: created, updated, unchanged, skipped */
                                    counts: {
                                        address: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        author: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        image: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        page: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        post: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        section: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        tag: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                    };
                                    dryRun: boolean;
                                    facts: string[];
                                    notes: {
                                        item: string;
                                        /** @enum {string} */
                                        level: "skipped" | "changed" | "doubtful";
                                        reason: string;
                                    }[];
                                    posts?: {
                                        items: {
                                            id: number;
                                            slug: string;
                                            status: string;
                                            title: string;
                                            type: string;
                                        }[];
                                        total: number;
                                    };
                                    source: string;
                                    /** @description The report as the command line prints it */
                                    text: string;
                                } | null;
                                progress: {
                                    done: number;
                                    step: string;
                                    total: number;
                                } | null;
                                /** @description The real import, once done */
                                report: {
                                    /** @description Per kind: created, updated, unchanged, skipped */
                                    counts: {
                                        address: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        author: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        image: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        page: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        post: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        section: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        tag: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                    };
                                    dryRun: boolean;
                                    facts: string[];
                                    notes: {
                                        item: string;
                                        /** @enum {string} */
                                        level: "skipped" | "changed" | "doubtful";
                                        reason: string;
                                    }[];
                                    posts?: {
                                        items: {
                                            id: number;
                                            slug: string;
                                            status: string;
                                            title: string;
                                            type: string;
                                        }[];
                                        total: number;
                                    };
                                    source: string;
                                    /** @description The report as the command line prints it */
                                    text: string;
                                } | null;
                                /** @enum {string} */
                                state: "checked" | "queued" | "running" | "done" | "failed" | "discarded" | "expired";
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/imports/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Discard a checked upload that will not be imported, with its file */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            import: {
                                createdAt: string;
                                createdBy: number | null;
                                error: string | null;
                                fetchImages: boolean;
                                fileName: string;
                                fileSize: number;
                                finishedAt: string | null;
                                id: number;
                                /** @enum {string} */
                                platform: "wordpress" | "ghost" | "substack";
                                /** @description The dry run made on upload */
                                preview: {
                                    /** @description Per kind: created, updated, unchanged, skipped */
                                    counts: {
                                        address: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        author: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        image: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        page: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        post: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        section: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        tag: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                    };
                                    dryRun: boolean;
                                    facts: string[];
                                    notes: {
                                        item: string;
                                        /** @enum {string} */
                                        level: "skipped" | "changed" | "doubtful";
                                        reason: string;
                                    }[];
                                    posts?: {
                                        items: {
                                            id: number;
                                            slug: string;
                                            status: string;
                                            title: string;
                                            type: string;
                                        }[];
                                        total: number;
                                    };
                                    source: string;
                                    /** @description The report as the command line prints it */
                                    text: string;
                                } | null;
                                progress: {
                                    done: number;
                                    step: string;
                                    total: number;
                                } | null;
                                /** @description The real import, once done */
                                report: {
                                    /** @description Per kind: created, updated, unchanged, skipped */
                                    counts: {
                                        address: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        author: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        image: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        page: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        post: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        section: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        tag: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                    };
                                    dryRun: boolean;
                                    facts: string[];
                                    notes: {
                                        item: string;
                                        /** @enum {string} */
                                        level: "skipped" | "changed" | "doubtful";
                                        reason: string;
                                    }[];
                                    posts?: {
                                        items: {
                                            id: number;
                                            slug: string;
                                            status: string;
                                            title: string;
                                            type: string;
                                        }[];
                                        total: number;
                                    };
                                    source: string;
                                    /** @description The report as the command line prints it */
                                    text: string;
                                } | null;
                                /** @enum {string} */
                                state: "checked" | "queued" | "running" | "done" | "failed" | "discarded" | "expired";
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/imports/{id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the import of a checked upload in the background (one import at a time) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            import: {
                                createdAt: string;
                                createdBy: number | null;
                                error: string | null;
                                fetchImages: boolean;
                                fileName: string;
                                fileSize: number;
                                finishedAt: string | null;
                                id: number;
                                /** @enum {string} */
                                platform: "wordpress" | "ghost" | "substack";
                                /** @description The dry run made on upload */
                                preview: {
                                    /** @description Per kind: created, updated, unchanged, skipped */
                                    counts: {
                                        address: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        author: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        image: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        page: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        post: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        section: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        tag: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                    };
                                    dryRun: boolean;
                                    facts: string[];
                                    notes: {
                                        item: string;
                                        /** @enum {string} */
                                        level: "skipped" | "changed" | "doubtful";
                                        reason: string;
                                    }[];
                                    posts?: {
                                        items: {
                                            id: number;
                                            slug: string;
                                            status: string;
                                            title: string;
                                            type: string;
                                        }[];
                                        total: number;
                                    };
                                    source: string;
                                    /** @description The report as the command line prints it */
                                    text: string;
                                } | null;
                                progress: {
                                    done: number;
                                    step: string;
                                    total: number;
                                } | null;
                                /** @description The real import, once done */
                                report: {
                                    /** @description Per kind: created, updated, unchanged, skipped */
                                    counts: {
                                        address: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        author: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        image: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        page: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        post: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        section: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                        tag: {
                                            created: number;
                                            skipped: number;
                                            unchanged: number;
                                            updated: number;
                                        };
                                    };
                                    dryRun: boolean;
                                    facts: string[];
                                    notes: {
                                        item: string;
                                        /** @enum {string} */
                                        level: "skipped" | "changed" | "doubtful";
                                        reason: string;
                                    }[];
                                    posts?: {
                                        items: {
                                            id: number;
                                            slug: string;
                                            status: string;
                                            title: string;
                                            type: string;
                                        }[];
                                        total: number;
                                    };
                                    source: string;
                                    /** @description The report as the command line prints it */
                                    text: string;
                                } | null;
                                /** @enum {string} */
                                state: "checked" | "queued" | "running" | "done" | "failed" | "discarded" | "expired";
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an emailed invitation: choose name and password, then sign in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        password: string;
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            staff: {
                                authorId: number | null;
                                createdAt: string;
                                email: string;
                                id: number;
                                name: string;
                                /** @enum {string} */
                                role: "contributor" | "author" | "editor" | "administrator";
                                /** @enum {string} */
                                status: "active" | "invited" | "suspended";
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The media library, newest first; q searches alt text, captions and file names */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            media: {
                                alt: string;
                                bytes: number;
                                caption: string | null;
                                createdAt: string;
                                credit: string | null;
                                filename: string;
                                height: number;
                                id: number;
                                /** @enum {string} */
                                kind: "image" | "svg";
                                mime: string;
                                uploadedBy: number | null;
                                url: string;
                                variants: {
                                    bytes: number;
                                    /** @enum {string} */
                                    format: "avif" | "webp" | "jpeg";
                                    height: number;
                                    url: string;
                                    width: number;
                                }[];
                                width: number;
                            }[];
                            page: {
                                limit: number;
                                offset: number;
                                total: number;
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Upload an image (multipart: file, alt, caption, credit); made into AVIF, WebP and JPEG sizes, metadata removed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /** @description What the image shows, for people who cannot see it */
                        alt: string;
                        caption?: string;
                        credit?: string;
                        /**
                         * Format: binary
                         * @description The image, at most 20 MB
                         */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            media: {
                                alt: string;
                                bytes: number;
                                caption: string | null;
                                createdAt: string;
                                credit: string | null;
                                filename: string;
                                height: number;
                                id: number;
                                /** @enum {string} */
                                kind: "image" | "svg";
                                mime: string;
                                uploadedBy: number | null;
                                url: string;
                                variants: {
                                    bytes: number;
                                    /** @enum {string} */
                                    format: "avif" | "webp" | "jpeg";
                                    height: number;
                                    url: string;
                                    width: number;
                                }[];
                                width: number;
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/media/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One library item */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            media: {
                                alt: string;
                                bytes: number;
                                caption: string | null;
                                createdAt: string;
                                credit: string | null;
                                filename: string;
                                height: number;
                                id: number;
                                /** @enum {string} */
                                kind: "image" | "svg";
                                mime: string;
                                uploadedBy: number | null;
                                url: string;
                                variants: {
                                    bytes: number;
                                    /** @enum {string} */
                                    format: "avif" | "webp" | "jpeg";
                                    height: number;
                                    url: string;
                                    width: number;
                                }[];
                                width: number;
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Change alt text, caption and credit (editors, administrators, or whoever uploaded it) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description What the image shows, for people who cannot see it */
                        alt: string;
                        caption?: string;
                        credit?: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            media: {
                                alt: string;
                                bytes: number;
                                caption: string | null;
                                createdAt: string;
                                credit: string | null;
                                filename: string;
                                height: number;
                                id: number;
                                /** @enum {string} */
                                kind: "image" | "svg";
                                mime: string;
                                uploadedBy: number | null;
                                url: string;
                                variants: {
                                    bytes: number;
                                    /** @enum {string} */
                                    format: "avif" | "webp" | "jpeg";
                                    height: number;
                                    url: string;
                                    width: number;
                                }[];
                                width: number;
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Delete an item and its files (editors, administrators, or whoever uploaded it) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List members, newest first, with their subscriptions; search by email or name, filter by plan and status; past 10,000 matches the total may be an estimate (totalEstimated) */
        get: {
            parameters: {
                query?: {
                    after?: string;
                    limit?: number;
                    offset?: number;
                    plan?: number;
                    q?: string;
                    status?: "active" | "past_due" | "lapsed" | "canceled" | "expired";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            members: {
                                address: {
                                    city: string;
                                    country: string;
                                    line1: string;
                                    line2: string;
                                    name: string;
                                    postcode: string;
                                    region: string;
                                } | null;
                                createdAt: string;
                                email: string;
                                id: number;
                                name: string;
                                stripeCustomerId: string | null;
                                subscriptions: {
                                    /** @enum {string} */
                                    billing: "month" | "year" | "gift";
                                    buyerMemberId: number | null;
                                    cancelAtPeriodEnd: boolean;
                                    createdAt: string;
                                    currentPeriodEnd: string | null;
                                    graceUntil: string | null;
                                    id: number;
                                    issuesRemaining: number;
                                    memberId: number;
                                    plan: {
                                        active: boolean;
                                        currency: string;
                                        /** @description Digits after the decimal point in this currency: 0 for jpy, 2 for eur, 3 for bhd */
                                        currencyDigits: number;
                                        description: string;
                                        giftCents: number | null;
                                        id: number;
                                        issuesPerYear: number;
                                        monthlyCents: number | null;
                                        name: string;
                                        position: number;
                                        slug: string;
                                        /** @enum {string} */
                                        tier: "free" | "digital" | "print";
                                        /** @description Days of free trial a new monthly or yearly subscription starts with (0: none) */
                                        trialDays: number;
                                        yearlyCents: number | null;
                                    };
                                    /** @enum {string} */
                                    status: "active" | "past_due" | "lapsed" | "canceled" | "expired";
                                    stripeSubscriptionId: string | null;
                                    /** @description While the subscription is in its free trial: when the trial ends */
                                    trialEndsAt: string | null;
                                }[];
                            }[];
                            /** @description Where the next page starts: pass it back as `after`; null on the last page */
                            next: string | null;
                            total: number;
                            totalEstimated: boolean;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/members/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One member: address, subscriptions (who paid for gifts), gifts bought for others, latest checkouts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checkouts: {
                                /** @enum {string} */
                                billing: "month" | "year" | "gift";
                                createdAt: string;
                                giftRecipient: {
                                    email: string;
                                    name: string;
                                } | null;
                                id: number;
                                planId: number;
                                /** @enum {string} */
                                status: "open" | "completed";
                            }[];
                            giftsGiven: {
                                /** @enum {string} */
                                billing: "month" | "year" | "gift";
                                buyerMemberId: number | null;
                                cancelAtPeriodEnd: boolean;
                                createdAt: string;
                                currentPeriodEnd: string | null;
                                graceUntil: string | null;
                                id: number;
                                issuesRemaining: number;
                                memberId: number;
                                plan: {
                                    active: boolean;
                                    currency: string;
                                    /** @description Digits after the decimal point in this currency: 0 for jpy, 2 for eur, 3 for bhd */
                                    currencyDigits: number;
                                    description: string;
                                    giftCents: number | null;
                                    id: number;
                                    issuesPerYear: number;
                                    monthlyCents: number | null;
                                    name: string;
                                    position: number;
                                    slug: string;
                                    /** @enum {string} */
                                    tier: "free" | "digital" | "print";
                                    /** @description Days of free trial a new monthly or yearly subscription starts with (0: none) */
                                    trialDays: number;
                                    yearlyCents: number | null;
                                };
                                recipient: {
                                    email: string;
                                    id: number;
                                    name: string;
                                };
                                /** @enum {string} */
                                status: "active" | "past_due" | "lapsed" | "canceled" | "expired";
                                stripeSubscriptionId: string | null;
                                /** @description While the subscription is in its free trial: when the trial ends */
                                trialEndsAt: string | null;
                            }[];
                            member: {
                                address: {
                                    city: string;
                                    country: string;
                                    line1: string;
                                    line2: string;
                                    name: string;
                                    postcode: string;
                                    region: string;
                                } | null;
                                createdAt: string;
                                email: string;
                                id: number;
                                name: string;
                                stripeCustomerId: string | null;
                            };
                            subscriptions: {
                                /** @enum {string} */
                                billing: "month" | "year" | "gift";
                                buyer: {
                                    email: string;
                                    id: number;
                                    name: string;
                                } | null;
                                buyerMemberId: number | null;
                                cancelAtPeriodEnd: boolean;
                                createdAt: string;
                                currentPeriodEnd: string | null;
                                graceUntil: string | null;
                                id: number;
                                issuesRemaining: number;
                                memberId: number;
                                plan: {
                                    active: boolean;
                                    currency: string;
                                    /** @description Digits after the decimal point in this currency: 0 for jpy, 2 for eur, 3 for bhd */
                                    currencyDigits: number;
                                    description: string;
                                    giftCents: number | null;
                                    id: number;
                                    issuesPerYear: number;
                                    monthlyCents: number | null;
                                    name: string;
                                    position: number;
                                    slug: string;
                                    /** @enum {string} */
                                    tier: "free" | "digital" | "print";
                                    /** @description Days of free trial a new monthly or yearly subscription starts with (0: none) */
                                    trialDays: number;
                                    yearlyCents: number | null;
                                };
                                /** @enum {string} */
                                status: "active" | "past_due" | "lapsed" | "canceled" | "expired";
                                stripeSubscriptionId: string | null;
                                /** @description While the subscription is in its free trial: when the trial ends */
                                trialEndsAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/members/{id}/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Erase one member: pending comments, follows, settings, sessions and payments records go; shown comments stay as "A former member"; print fulfilment lines keep country and copies only. 409 MEMBER_STILL_SUBSCRIBED while Stripe still bills them */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/members/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything stored about one member (profile, address, subscriptions, checkouts, tips, print fulfilment lines, comments, follows, settings), for a data request */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Every checkout (payment) they started */
                            checkouts: {
                                /** @description What Stripe charged, in the currency's minor units */
                                amountTotal: number | null;
                                billing: string;
                                createdAt: string;
                                /** @description What the reader entered at checkout (shipping address, gift recipient), as stored */
                                details: unknown;
                                id: number;
                                planId: number;
                                status: string;
                            }[];
                            /** @description Whether they are stopped from commenting */
                            commentBan: boolean;
                            /** @description Whether they get emails about replies to their comments */
                            commentEmails: boolean;
                            /** @description Comments they wrote, newest first, at most 10,000 */
                            comments: {
                                body: string;
                                createdAt: string;
                                id: number;
                                inReplyTo: number | null;
                                name: string;
                                piece: {
                                    slug: string;
                                    title: string;
                                };
                                status: string;
                            }[];
                            /** @description Whether they asked to be emailed when something they follow is published */
                            followAlerts: boolean;
                            follows: {
                                confirmed: boolean;
                                createdAt: string;
                                /** @enum {string} */
                                kind: "tag" | "author" | "person" | "work";
                                name: string;
                                slug: string;
                            }[];
                            giftsGiven: {
                                /** @enum {string} */
                                billing: "month" | "year" | "gift";
                                buyerMemberId: number | null;
                                cancelAtPeriodEnd: boolean;
                                createdAt: string;
                                currentPeriodEnd: string | null;
                                graceUntil: string | null;
                                id: number;
                                issuesRemaining: number;
                                memberId: number;
                                plan: {
                                    active: boolean;
                                    currency: string;
                                    /** @description Digits after the decimal point in this currency: 0 for jpy, 2 for eur, 3 for bhd */
                                    currencyDigits: number;
                                    description: string;
                                    giftCents: number | null;
                                    id: number;
                                    issuesPerYear: number;
                                    monthlyCents: number | null;
                                    name: string;
                                    position: number;
                                    slug: string;
                                    /** @enum {string} */
                                    tier: "free" | "digital" | "print";
                                    /** @description Days of free trial a new monthly or yearly subscription starts with (0: none) */
                                    trialDays: number;
                                    yearlyCents: number | null;
                                };
                                recipient: {
                                    email: string;
                                    id: number;
                                    name: string;
                                };
                                /** @enum {string} */
                                status: "active" | "past_due" | "lapsed" | "canceled" | "expired";
                                stripeSubscriptionId: string | null;
                                /** @description While the subscription is in its free trial: when the trial ends */
                                trialEndsAt: string | null;
                            }[];
                            member: {
                                address: {
                                    city: string;
                                    country: string;
                                    line1: string;
                                    line2: string;
                                    name: string;
                                    postcode: string;
                                    region: string;
                                } | null;
                                createdAt: string;
                                email: string;
                                id: number;
                                name: string;
                                stripeCustomerId: string | null;
                            };
                            /** @description Their lines in frozen print fulfilment lists: the issue, the address it was sent to and the copies */
                            printFulfilment: {
                                address: {
                                    city: string;
                                    country: string;
                                    line1: string;
                                    line2: string;
                                    name: string;
                                    postcode: string;
                                    region: string;
                                };
                                issue: {
                                    name: string;
                                    onSaleDate: string;
                                    slug: string;
                                };
                                quantity: number;
                            }[];
                            subscriptions: {
                                /** @enum {string} */
                                billing: "month" | "year" | "gift";
                                buyer: {
                                    email: string;
                                    id: number;
                                    name: string;
                                } | null;
                                buyerMemberId: number | null;
                                cancelAtPeriodEnd: boolean;
                                createdAt: string;
                                currentPeriodEnd: string | null;
                                graceUntil: string | null;
                                id: number;
                                issuesRemaining: number;
                                memberId: number;
                                plan: {
                                    active: boolean;
                                    currency: string;
                                    /** @description Digits after the decimal point in this currency: 0 for jpy, 2 for eur, 3 for bhd */
                                    currencyDigits: number;
                                    description: string;
                                    giftCents: number | null;
                                    id: number;
                                    issuesPerYear: number;
                                    monthlyCents: number | null;
                                    name: string;
                                    position: number;
                                    slug: string;
                                    /** @enum {string} */
                                    tier: "free" | "digital" | "print";
                                    /** @description Days of free trial a new monthly or yearly subscription starts with (0: none) */
                                    trialDays: number;
                                    yearlyCents: number | null;
                                };
                                /** @enum {string} */
                                status: "active" | "past_due" | "lapsed" | "canceled" | "expired";
                                stripeSubscriptionId: string | null;
                                /** @description While the subscription is in its free trial: when the trial ends */
                                trialEndsAt: string | null;
                            }[];
                            tips: {
                                amount: number;
                                createdAt: string;
                                currency: string;
                            }[];
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/members/offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List offers, newest first, with their state, redemptions and revenue */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            offers: {
                                /** @description In the plan currency's minor units */
                                amountOff: number | null;
                                /** @enum {string} */
                                billing: "month" | "year";
                                /** @description Its landing page is /members/offers/:code/ */
                                code: string;
                                createdAt: string;
                                /** @description The first period with the discount */
                                discountedPrice: number;
                                /** @enum {string} */
                                duration: "once" | "repeating" | "forever";
                                durationMonths: number | null;
                                endedAt: string | null;
                                endsAt: string | null;
                                id: number;
                                maxRedemptions: number | null;
                                name: string;
                                percentOff: number | null;
                                plan: {
                                    active: boolean;
                                    currency: string;
                                    /** @description Digits after the decimal point in this currency: 0 for jpy, 2 for eur, 3 for bhd */
                                    currencyDigits: number;
                                    description: string;
                                    giftCents: number | null;
                                    id: number;
                                    issuesPerYear: number;
                                    monthlyCents: number | null;
                                    name: string;
                                    position: number;
                                    slug: string;
                                    /** @enum {string} */
                                    tier: "free" | "digital" | "print";
                                    /** @description Days of free trial a new monthly or yearly subscription starts with (0: none) */
                                    trialDays: number;
                                    yearlyCents: number | null;
                                };
                                /** @description A code readers may type on the plans page (in capitals); a promotion code on the coupon in Stripe */
                                promotionCode: string | null;
                                /** @description Checkouts completed through the offer */
                                redemptions: number;
                                regularPrice: number;
                                /** @description Charged at those checkouts, in the plan currency's minor units */
                                revenue: number;
                                startsAt: string;
                                /** @enum {string} */
                                state: "scheduled" | "live" | "ended" | "expired" | "exhausted";
                                stripeCouponId: string | null;
                                stripePromotionCodeId: string | null;
                            }[];
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create an offer on a paid plan (percent or amount off, once, repeating or forever) and its Stripe coupon */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default null */
                        amountOff?: (number | string) | null;
                        /** @enum {string} */
                        billing: "month" | "year";
                        code?: string;
                        /** @enum {string} */
                        duration: "once" | "repeating" | "forever";
                        /** @default null */
                        durationMonths?: number | null;
                        endsAt?: string | null;
                        /** @default null */
                        maxRedemptions?: number | null;
                        name: string;
                        /** @default null */
                        percentOff?: number | null;
                        planId: number;
                        promotionCode?: string | null;
                        startsAt?: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description In the plan currency's minor units */
                            amountOff: number | null;
                            /** @enum {string} */
                            billing: "month" | "year";
                            /** @description Its landing page is /members/offers/:code/ */
                            code: string;
                            createdAt: string;
                            /** @description The first period with the discount */
                            discountedPrice: number;
                            /** @enum {string} */
                            duration: "once" | "repeating" | "forever";
                            durationMonths: number | null;
                            endedAt: string | null;
                            endsAt: string | null;
                            id: number;
                            maxRedemptions: number | null;
                            name: string;
                            percentOff: number | null;
                            plan: {
                                active: boolean;
                                currency: string;
                                /** @description Digits after the decimal point in this currency: 0 for jpy, 2 for eur, 3 for bhd */
                                currencyDigits: number;
                                description: string;
                                giftCents: number | null;
                                id: number;
                                issuesPerYear: number;
                                monthlyCents: number | null;
                                name: string;
                                position: number;
                                slug: string;
                                /** @enum {string} */
                                tier: "free" | "digital" | "print";
                                /** @description Days of free trial a new monthly or yearly subscription starts with (0: none) */
                                trialDays: number;
                                yearlyCents: number | null;
                            };
                            /** @description A code readers may type on the plans page (in capitals); a promotion code on the coupon in Stripe */
                            promotionCode: string | null;
                            /** @description Checkouts completed through the offer */
                            redemptions: number;
                            regularPrice: number;
                            /** @description Charged at those checkouts, in the plan currency's minor units */
                            revenue: number;
                            startsAt: string;
                            /** @enum {string} */
                            state: "scheduled" | "live" | "ended" | "expired" | "exhausted";
                            stripeCouponId: string | null;
                            stripePromotionCodeId: string | null;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/members/offers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One offer with the members who came through it and what each paid at checkout */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            members: {
                                amountPaid: number | null;
                                email: string;
                                memberId: number;
                                name: string;
                                redeemedAt: string;
                            }[];
                            offer: {
                                /** @description In the plan currency's minor units */
                                amountOff: number | null;
                                /** @enum {string} */
                                billing: "month" | "year";
                                /** @description Its landing page is /members/offers/:code/ */
                                code: string;
                                createdAt: string;
                                /** @description The first period with the discount */
                                discountedPrice: number;
                                /** @enum {string} */
                                duration: "once" | "repeating" | "forever";
                                durationMonths: number | null;
                                endedAt: string | null;
                                endsAt: string | null;
                                id: number;
                                maxRedemptions: number | null;
                                name: string;
                                percentOff: number | null;
                                plan: {
                                    active: boolean;
                                    currency: string;
                                    /** @description Digits after the decimal point in this currency: 0 for jpy, 2 for eur, 3 for bhd */
                                    currencyDigits: number;
                                    description: string;
                                    giftCents: number | null;
                                    id: number;
                                    issuesPerYear: number;
                                    monthlyCents: number | null;
                                    name: string;
                                    position: number;
                                    slug: string;
                                    /** @enum {string} */
                                    tier: "free" | "digital" | "print";
                                    /** @description Days of free trial a new monthly or yearly subscription starts with (0: none) */
                                    trialDays: number;
                                    yearlyCents: number | null;
                                };
                                /** @description A code readers may type on the plans page (in capitals); a promotion code on the coupon in Stripe */
                                promotionCode: string | null;
                                /** @description Checkouts completed through the offer */
                                redemptions: number;
                                regularPrice: number;
                                /** @description Charged at those checkouts, in the plan currency's minor units */
                                revenue: number;
                                startsAt: string;
                                /** @enum {string} */
                                state: "scheduled" | "live" | "ended" | "expired" | "exhausted";
                                stripeCouponId: string | null;
                                stripePromotionCodeId: string | null;
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/members/offers/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End an offer at once: its page says it has ended and no checkout can use it (its Stripe promotion code is deactivated and its coupon deleted) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description In the plan currency's minor units */
                            amountOff: number | null;
                            /** @enum {string} */
                            billing: "month" | "year";
                            /** @description Its landing page is /members/offers/:code/ */
                            code: string;
                            createdAt: string;
                            /** @description The first period with the discount */
                            discountedPrice: number;
                            /** @enum {string} */
                            duration: "once" | "repeating" | "forever";
                            durationMonths: number | null;
                            endedAt: string | null;
                            endsAt: string | null;
                            id: number;
                            maxRedemptions: number | null;
                            name: string;
                            percentOff: number | null;
                            plan: {
                                active: boolean;
                                currency: string;
                                /** @description Digits after the decimal point in this currency: 0 for jpy, 2 for eur, 3 for bhd */
                                currencyDigits: number;
                                description: string;
                                giftCents: number | null;
                                id: number;
                                issuesPerYear: number;
                                monthlyCents: number | null;
                                name: string;
                                position: number;
                                slug: string;
                                /** @enum {string} */
                                tier: "free" | "digital" | "print";
                                /** @description Days of free trial a new monthly or yearly subscription starts with (0: none) */
                                trialDays: number;
                                yearlyCents: number | null;
                            };
                            /** @description A code readers may type on the plans page (in capitals); a promotion code on the coupon in Stripe */
                            promotionCode: string | null;
                            /** @description Checkouts completed through the offer */
                            redemptions: number;
                            regularPrice: number;
                            /** @description Charged at those checkouts, in the plan currency's minor units */
                            revenue: number;
                            startsAt: string;
                            /** @enum {string} */
                            state: "scheduled" | "live" | "ended" | "expired" | "exhausted";
                            stripeCouponId: string | null;
                            stripePromotionCodeId: string | null;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/members/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List membership plans, on sale or archived */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            plans: {
                                active: boolean;
                                currency: string;
                                /** @description Digits after the decimal point in this currency: 0 for jpy, 2 for eur, 3 for bhd */
                                currencyDigits: number;
                                description: string;
                                giftCents: number | null;
                                id: number;
                                issuesPerYear: number;
                                monthlyCents: number | null;
                                name: string;
                                position: number;
                                slug: string;
                                /** @enum {string} */
                                tier: "free" | "digital" | "print";
                                /** @description Days of free trial a new monthly or yearly subscription starts with (0: none) */
                                trialDays: number;
                                yearlyCents: number | null;
                            }[];
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a plan (free, digital or print + digital) with its prices */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default true */
                        active?: boolean;
                        /** @default gbp */
                        currency?: string;
                        /** @default  */
                        description?: string;
                        /** @default null */
                        giftCents?: (number | string) | null;
                        /** @default 0 */
                        issuesPerYear?: number;
                        /** @default null */
                        monthlyCents?: (number | string) | null;
                        name: string;
                        /** @default 0 */
                        position?: number;
                        slug?: string;
                        /** @enum {string} */
                        tier: "free" | "digital" | "print";
                        /** @default 0 */
                        trialDays?: number;
                        /** @default null */
                        yearlyCents?: (number | string) | null;
                    };
                };
            };
            responses: {
                /** @description Success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            currency: string;
                            /** @description Digits after the decimal point in this currency: 0 for jpy, 2 for eur, 3 for bhd */
                            currencyDigits: number;
                            description: string;
                            giftCents: number | null;
                            id: number;
                            issuesPerYear: number;
                            monthlyCents: number | null;
                            name: string;
                            position: number;
                            slug: string;
                            /** @enum {string} */
                            tier: "free" | "digital" | "print";
                            /** @description Days of free trial a new monthly or yearly subscription starts with (0: none) */
                            trialDays: number;
                            yearlyCents: number | null;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/members/plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace a plan's fields; `active: false` archives it (off sale, subscribers keep it) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default true */
                        active?: boolean;
                        /** @default gbp */
                        currency?: string;
                        /** @default  */
                        description?: string;
                        /** @default null */
                        giftCents?: (number | string) | null;
                        /** @default 0 */
                        issuesPerYear?: number;
                        /** @default null */
                        monthlyCents?: (number | string) | null;
                        name: string;
                        /** @default 0 */
                        position?: number;
                        slug?: string;
                        /** @enum {string} */
                        tier: "free" | "digital" | "print";
                        /** @default 0 */
                        trialDays?: number;
                        /** @default null */
                        yearlyCents?: (number | string) | null;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            currency: string;
                            /** @description Digits after the decimal point in this currency: 0 for jpy, 2 for eur, 3 for bhd */
                            currencyDigits: number;
                            description: string;
                            giftCents: number | null;
                            id: number;
                            issuesPerYear: number;
                            monthlyCents: number | null;
                            name: string;
                            position: number;
                            slug: string;
                            /** @enum {string} */
                            tier: "free" | "digital" | "print";
                            /** @description Days of free trial a new monthly or yearly subscription starts with (0: none) */
                            trialDays: number;
                            yearlyCents: number | null;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a plan nobody ever bought (409 PLAN_IN_USE otherwise: archive it instead) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/members/print-issues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List print issues, latest on-sale date first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            issues: {
                                addressCutoff: string;
                                coverImageUrl: string | null;
                                frozenAt: string | null;
                                id: number;
                                name: string;
                                onSaleDate: string;
                                slug: string;
                            }[];
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Define a print issue; its fulfilment list freezes by itself at the address cutoff */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        addressCutoff: string;
                        /** @default null */
                        coverImageUrl?: (string) | null;
                        name: string;
                        onSaleDate: string;
                        slug?: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            addressCutoff: string;
                            coverImageUrl: string | null;
                            frozenAt: string | null;
                            id: number;
                            name: string;
                            onSaleDate: string;
                            slug: string;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/members/print-issues/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One print issue */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            addressCutoff: string;
                            coverImageUrl: string | null;
                            frozenAt: string | null;
                            id: number;
                            name: string;
                            onSaleDate: string;
                            slug: string;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Replace a print issue's fields; once frozen, its cutoff cannot change */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        addressCutoff: string;
                        /** @default null */
                        coverImageUrl?: (string) | null;
                        name: string;
                        onSaleDate: string;
                        slug?: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            addressCutoff: string;
                            coverImageUrl: string | null;
                            frozenAt: string | null;
                            id: number;
                            name: string;
                            onSaleDate: string;
                            slug: string;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a print issue that is not frozen */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/members/print-issues/{id}/countries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Subscribers and copies per country of the frozen list */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            countries: {
                                copies: number;
                                country: string;
                                subscribers: number;
                            }[];
                            issue: string;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/members/print-issues/{id}/freeze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Freeze the fulfilment list now: the cutoff moves to this moment (409 PRINT_ISSUE_FROZEN when already frozen) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            issue: {
                                addressCutoff: string;
                                coverImageUrl: string | null;
                                frozenAt: string | null;
                                id: number;
                                name: string;
                                onSaleDate: string;
                                slug: string;
                            };
                            report: {
                                copies: number;
                                subscribers: number;
                                withoutAddress: number;
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/members/print-issues/{id}/fulfilment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The frozen fulfilment list and copies per country (freezes it first when the cutoff has passed) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            countries: {
                                copies: number;
                                country: string;
                                subscribers: number;
                            }[];
                            issue: {
                                addressCutoff: string;
                                coverImageUrl: string | null;
                                frozenAt: string | null;
                                id: number;
                                name: string;
                                onSaleDate: string;
                                slug: string;
                            };
                            items: {
                                city: string;
                                country: string;
                                line1: string;
                                line2: string;
                                memberId: number;
                                name: string;
                                postcode: string;
                                quantity: number;
                                region: string;
                            }[];
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/members/print-issues/{id}/fulfilment.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The frozen fulfilment list as CSV in the layout mailing houses take */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A CSV file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/members/tips": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest 100 tips, totals per currency, and sums per month over the last twelve months */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            byMonth: {
                                /** @description In the currency's minor units */
                                amount: number;
                                count: number;
                                currency: string;
                                /** @description YYYY-MM, UTC */
                                month: string;
                            }[];
                            tips: {
                                amount: number;
                                createdAt: string;
                                currency: string;
                                email: string;
                                id: number;
                                memberId: number | null;
                            }[];
                            totals: {
                                /** @description In the currency's minor units */
                                amount: number;
                                count: number;
                                currency: string;
                            }[];
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/newsletter/digests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest digests, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            digests: {
                                id: number;
                                intro: string;
                                items: {
                                    format: string;
                                    group: string;
                                    postId: number;
                                    slug: string;
                                    title: string;
                                }[];
                                newsletter: string;
                                periodStart: string;
                                scheduledAt: string | null;
                                sendId: number | null;
                                slot: string;
                                /** @enum {string} */
                                state: "draft" | "scheduled" | "sent";
                                subject: string;
                            }[];
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/newsletter/digests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One digest with its pieces in reading order */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            intro: string;
                            items: {
                                format: string;
                                group: string;
                                postId: number;
                                slug: string;
                                title: string;
                            }[];
                            newsletter: string;
                            periodStart: string;
                            scheduledAt: string | null;
                            sendId: number | null;
                            slot: string;
                            /** @enum {string} */
                            state: "draft" | "scheduled" | "sent";
                            subject: string;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the subject, the intro, or the pieces (reorder, drop, add published ones) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        intro?: string;
                        items?: {
                            group?: string;
                            postId: number;
                        }[];
                        subject?: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            intro: string;
                            items: {
                                format: string;
                                group: string;
                                postId: number;
                                slug: string;
                                title: string;
                            }[];
                            newsletter: string;
                            periodStart: string;
                            scheduledAt: string | null;
                            sendId: number | null;
                            slot: string;
                            /** @enum {string} */
                            state: "draft" | "scheduled" | "sent";
                            subject: string;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/admin/api/newsletter/digests/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The digest email as the browser shows it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An HTML page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/newsletter/digests/{id}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the digest at a set time */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        at: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            intro: string;
                            items: {
                                format: string;
                                group: string;
                                postId: number;
                                slug: string;
                                title: string;
                            }[];
                            newsletter: string;
                            periodStart: string;
                            scheduledAt: string | null;
                            sendId: number | null;
                            slot: string;
                            /** @enum {string} */
                            state: "draft" | "scheduled" | "sent";
                            subject: string;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/newsletter/digests/{id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start sending the digest now (answers the same send when it already started) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sendId: number;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/newsletter/digests/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email a test copy of the digest to one address */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        to: string;
                    };
                };
            };
            responses: {
                /** @description Done; no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/newsletter/digests/assemble": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assemble the draft of the next digest now (or answer the one already assembled) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            intro: string;
                            items: {
                                format: string;
                                group: string;
                                postId: number;
                                slug: string;
                                title: string;
                            }[];
                            newsletter: string;
                            periodStart: string;
                            scheduledAt: string | null;
                            sendId: number | null;
                            slot: string;
                            /** @enum {string} */
                            state: "draft" | "scheduled" | "sent";
                            subject: string;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/newsletter/newsletters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every newsletter readers can choose */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            newsletters: {
                                countOpens: boolean;
                                description: string;
                                id: number;
                                isDefault: boolean;
                                name: string;
                                slug: string;
                            }[];
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a newsletter */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default  */
                        description?: string;
                        /** @default false */
                        isDefault?: boolean;
                        name: string;
                        slug: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            countOpens: boolean;
                            description: string;
                            id: number;
                            isDefault: boolean;
                            name: string;
                            slug: string;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/newsletter/newsletters/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a newsletter, change its description, whether new signups get it, or whether its opens are counted */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Put a 1×1 image in its emails that counts opens (unreliable and privacy-sensitive; off by default) */
                        countOpens?: boolean;
                        description?: string;
                        isDefault?: boolean;
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            countOpens: boolean;
                            description: string;
                            id: number;
                            isDefault: boolean;
                            name: string;
                            slug: string;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/admin/api/newsletter/posts/{slug}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email a published post to a newsletter (a scheduled one goes when it is published) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        newsletter?: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sendId: number | null;
                            sendsAt: string | null;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/newsletter/sends": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest 50 sends with their reports */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sends: {
                                bounced: number;
                                clicks: number;
                                /** @description Recipients who reported this send as spam */
                                complaints: number;
                                deferred: number;
                                delivered: number;
                                failed: number;
                                finishedAt: string | null;
                                id: number;
                                /** @enum {string} */
                                kind: "digest" | "post" | "test";
                                /** @description The send's links in the order they first appear, with all clicks and recipients who clicked */
                                links: {
                                    clicks: number;
                                    uniqueClicks: number;
                                    url: string;
                                }[];
                                newsletter: string;
                                /** @description Recipients who opened it, as far as an image can tell; null where the newsletter does not count opens */
                                opens: number | null;
                                pending: number;
                                skipped: number;
                                startedAt: string;
                                /** @enum {string} */
                                state: "sending" | "done";
                                subject: string;
                                total: number;
                                /** @description Per-link unique clicks added up */
                                uniqueClicks: number;
                                /** @description Recipients who unsubscribed by a link after this send, the last they had received */
                                unsubscribedSince: number;
                            }[];
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/newsletter/sends/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One send: delivered, deferred, failed, bounced, skipped, pending, unsubscribed since */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bounced: number;
                            clicks: number;
                            /** @description Recipients who reported this send as spam */
                            complaints: number;
                            deferred: number;
                            delivered: number;
                            failed: number;
                            finishedAt: string | null;
                            id: number;
                            /** @enum {string} */
                            kind: "digest" | "post" | "test";
                            /** @description The send's links in the order they first appear, with all clicks and recipients who clicked */
                            links: {
                                clicks: number;
                                uniqueClicks: number;
                                url: string;
                            }[];
                            newsletter: string;
                            /** @description Recipients who opened it, as far as an image can tell; null where the newsletter does not count opens */
                            opens: number | null;
                            pending: number;
                            skipped: number;
                            startedAt: string;
                            /** @enum {string} */
                            state: "sending" | "done";
                            subject: string;
                            total: number;
                            /** @description Per-link unique clicks added up */
                            uniqueClicks: number;
                            /** @description Recipients who unsubscribed by a link after this send, the last they had received */
                            unsubscribedSince: number;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/newsletter/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Newsletter settings: sender, sending rate, digest schedule */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            digest: {
                                assembleHoursBefore: number;
                                autoSend: boolean;
                                day: string;
                                enabled: boolean;
                                newsletter: string;
                                time: string;
                                timezone: string | null;
                            };
                            messagesPerSecond: number;
                            replyTo: string | null;
                            senderName: string;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change newsletter settings (merged into the current ones); reschedules the digest assembly */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        digest?: {
                            assembleHoursBefore?: number;
                            autoSend?: boolean;
                            /** @enum {string} */
                            day?: "sunday" | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday";
                            enabled?: boolean;
                            newsletter?: string;
                            /** @description HH:MM */
                            time?: string;
                            /** @description IANA time zone; null for the site’s */
                            timezone?: string | null;
                        };
                        messagesPerSecond?: number;
                        replyTo?: string | null;
                        senderName?: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            digest: {
                                assembleHoursBefore: number;
                                autoSend: boolean;
                                day: string;
                                enabled: boolean;
                                newsletter: string;
                                time: string;
                                timezone: string | null;
                            };
                            messagesPerSecond: number;
                            replyTo: string | null;
                            senderName: string;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/admin/api/newsletter/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether mail goes out over SMTP or into DATA_DIR/outbox, and when the next digest is due */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            connections: number;
                            /** @enum {string} */
                            delivery: "smtp" | "outbox";
                            dkim: boolean;
                            nextDigest: string;
                            notice?: string;
                            outbox?: string;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/newsletter/subscribers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search subscribers by address or name, filter by status and newsletter; past 10,000 matches the total may be an estimate (totalEstimated) */
        get: {
            parameters: {
                query?: {
                    after?: string;
                    limit?: number;
                    newsletter?: string;
                    offset?: number;
                    q?: string;
                    status?: "pending" | "confirmed" | "unsubscribed" | "bounced" | "complained";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Where the next page starts: pass it back as `after`; null on the last page */
                            next: string | null;
                            subscribers: {
                                confirmedAt: string | null;
                                createdAt: string;
                                email: string;
                                id: number;
                                name: string;
                                newsletters: string[];
                                source: string;
                                /** @enum {string} */
                                status: "pending" | "confirmed" | "unsubscribed" | "bounced" | "complained";
                                unsubscribedAt: string | null;
                            }[];
                            total: number;
                            totalEstimated: boolean;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/newsletter/subscribers/{email}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Erase one subscriber and their follows; the address stays suppressed only as a hash */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    email: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/newsletter/subscribers/{email}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything stored about one subscriber (their follows too), for a data request */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    email: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Links of newsletter emails the subscriber clicked, first click each */
                            clicks: {
                                at: string;
                                subject: string;
                                url: string;
                            }[];
                            confirmedAt: string | null;
                            createdAt: string;
                            deliveries: {
                                sentAt: string | null;
                                state: string;
                                subject: string;
                            }[];
                            email: string;
                            /** @description Whether they asked to be emailed when something they follow is published */
                            followAlerts: boolean;
                            follows: {
                                confirmed: boolean;
                                createdAt: string;
                                /** @enum {string} */
                                kind: "tag" | "author" | "person" | "work";
                                name: string;
                                slug: string;
                            }[];
                            id: number;
                            name: string;
                            newsletters: string[];
                            source: string;
                            /** @enum {string} */
                            status: "pending" | "confirmed" | "unsubscribed" | "bounced" | "complained";
                            unsubscribedAt: string | null;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/newsletter/subscribers/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every subscriber as CSV */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A CSV file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/newsletter/subscribers/growth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Subscribers over time: joined, left and the total per day */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            points: {
                                date: string;
                                subscribed: number;
                                total: number;
                                unsubscribed: number;
                            }[];
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/newsletter/subscribers/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import confirmed subscribers from a CSV export (Substack, Mailchimp, Ghost or any file with an email column); lists rejected rows */
        post: {
            parameters: {
                query?: {
                    newsletter?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "text/csv": string;
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            added: number;
                            layout: string;
                            /** @description The first 1,000 rows not taken, in line order */
                            rejected: {
                                email: string;
                                line: number;
                                reason: string;
                            }[];
                            /** @description How many rows were not taken in all */
                            rejectedTotal: number;
                            rows: number;
                            updated: number;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/newsletter/subscribers/statuses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The states a subscriber can be in */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statuses: ("pending" | "confirmed" | "unsubscribed" | "bounced" | "complained")[];
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email a password reset link (the answer is the same whether or not the address has an account) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Done; no content */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/password-reset/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Choose a new password with an emailed link; every session of the account ends */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Done; no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** People (directors, cast …) whose name or a word of it starts with q */
        get: {
            parameters: {
                query: {
                    limit?: number;
                    q: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            people: {
                                id: number;
                                name: string;
                                slug: string;
                            }[];
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the posts (or pages with type=page) your role sees, newest change first, with filters and title search */
        get: {
            parameters: {
                query?: {
                    after?: string;
                    author?: string;
                    format?: "article" | "review" | "interview" | "news" | "list" | "essay";
                    limit?: number;
                    offset?: number;
                    q?: string;
                    section?: string;
                    status?: "draft" | "scheduled" | "published" | "archived";
                    trashed?: "true" | "false";
                    type?: "post" | "page";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            page: {
                                limit: number;
                                /** @description Where the next page starts: pass it back as `after`; null on the last page */
                                next: string | null;
                                offset: number;
                                total: number;
                            };
                            posts: {
                                authors: {
                                    bio: string;
                                    id: number;
                                    links: {
                                        label: string;
                                        url: string;
                                    }[];
                                    name: string;
                                    photoUrl: string | null;
                                    slug: string;
                                    website: string | null;
                                }[];
                                body: string;
                                /** @enum {string} */
                                bodyFormat: "markdown" | "html";
                                canonicalUrl: string | null;
                                contentNotes: string[];
                                createdAt: string;
                                customExcerpt: string;
                                excerpt: string;
                                featured: boolean;
                                featureImage: {
                                    alt: string;
                                    caption: string | null;
                                    credit: string | null;
                                    url: string;
                                } | null;
                                /** @enum {string} */
                                format: "article" | "review" | "interview" | "news" | "list" | "essay";
                                html: string;
                                id: number;
                                internalTags: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                }[];
                                people: {
                                    person: {
                                        id: number;
                                        name: string;
                                        slug: string;
                                    };
                                    /** @enum {string} */
                                    role: "interviewee";
                                }[];
                                primaryTag: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                } | null;
                                publishedAt: string | null;
                                readingMinutes: number;
                                review: {
                                    rating: {
                                        scale: number;
                                        value: number;
                                    } | null;
                                    verdict: string | null;
                                    work: {
                                        availability: {
                                            label: string;
                                            url: string | null;
                                        }[];
                                        credits: {
                                            character: string | null;
                                            person: {
                                                id: number;
                                                name: string;
                                                slug: string;
                                            };
                                            /** @enum {string} */
                                            role: "director" | "screenwriter" | "author" | "creator" | "cast" | "performer" | "composer" | "producer" | "cinematographer" | "translator" | "host";
                                        }[];
                                        id: number;
                                        organization: string | null;
                                        releaseDate: string | null;
                                        runtimeMinutes: number | null;
                                        slug: string;
                                        title: string;
                                        /** @enum {string} */
                                        type: "movie" | "tv_series" | "book" | "music_album" | "concert" | "live_event" | "theatre";
                                        year: number | null;
                                    };
                                } | null;
                                revision: number;
                                seoDescription: string | null;
                                seoTitle: string | null;
                                slug: string;
                                /** @enum {string} */
                                status: "draft" | "scheduled" | "published" | "archived";
                                tags: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                }[];
                                title: string;
                                /** @enum {string} */
                                type: "post" | "page";
                                updatedAt: string;
                                /** @enum {string} */
                                visibility: "public" | "members" | "paid";
                                wordCount: number;
                            }[];
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a post or page (contributors and authors write under their own byline) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        authors: string[];
                        /** @default  */
                        body?: string;
                        /**
                         * @default markdown
                         * @enum {string}
                         */
                        bodyFormat?: "markdown" | "html";
                        canonicalUrl?: string;
                        /** @default [] */
                        contentNotes?: string[];
                        /** @default  */
                        excerpt?: string;
                        /** @default false */
                        featured?: boolean;
                        featureImage?: {
                            /** @default  */
                            alt?: string;
                            caption?: string;
                            credit?: string;
                            url: string;
                        };
                        /**
                         * @default article
                         * @enum {string}
                         */
                        format?: "article" | "review" | "interview" | "news" | "list" | "essay";
                        people?: {
                            name: string;
                            /** @enum {string} */
                            role: "interviewee";
                            slug?: string;
                        }[];
                        publishedAt?: string;
                        review?: {
                            rating?: {
                                scale: number;
                                value: number;
                            };
                            verdict?: string;
                            work: {
                                slug: string;
                            } | {
                                /** @default [] */
                                availability?: {
                                    label: string;
                                    url?: string;
                                }[];
                                /** @default [] */
                                credits?: {
                                    character?: string;
                                    name: string;
                                    /** @enum {string} */
                                    role: "director" | "screenwriter" | "author" | "creator" | "cast" | "performer" | "composer" | "producer" | "cinematographer" | "translator" | "host";
                                    slug?: string;
                                }[];
                                organization?: string;
                                releaseDate?: string;
                                runtimeMinutes?: number;
                                slug?: string;
                                title: string;
                                /** @enum {string} */
                                type: "movie" | "tv_series" | "book" | "music_album" | "concert" | "live_event" | "theatre";
                                year?: number;
                            };
                        };
                        seoDescription?: string;
                        seoTitle?: string;
                        slug?: string;
                        /**
                         * @default draft
                         * @enum {string}
                         */
                        status?: "draft" | "scheduled" | "published" | "archived";
                        /** @default [] */
                        tags?: string[];
                        title: string;
                        /**
                         * @default post
                         * @enum {string}
                         */
                        type?: "post" | "page";
                        /**
                         * @default public
                         * @enum {string}
                         */
                        visibility?: "public" | "members" | "paid";
                    };
                };
            };
            responses: {
                /** @description Success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            post: {
                                authors: {
                                    bio: string;
                                    id: number;
                                    links: {
                                        label: string;
                                        url: string;
                                    }[];
                                    name: string;
                                    photoUrl: string | null;
                                    slug: string;
                                    website: string | null;
                                }[];
                                body: string;
                                /** @enum {string} */
                                bodyFormat: "markdown" | "html";
                                canonicalUrl: string | null;
                                contentNotes: string[];
                                createdAt: string;
                                customExcerpt: string;
                                excerpt: string;
                                featured: boolean;
                                featureImage: {
                                    alt: string;
                                    caption: string | null;
                                    credit: string | null;
                                    url: string;
                                } | null;
                                /** @enum {string} */
                                format: "article" | "review" | "interview" | "news" | "list" | "essay";
                                html: string;
                                id: number;
                                internalTags: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                }[];
                                people: {
                                    person: {
                                        id: number;
                                        name: string;
                                        slug: string;
                                    };
                                    /** @enum {string} */
                                    role: "interviewee";
                                }[];
                                primaryTag: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                } | null;
                                publishedAt: string | null;
                                readingMinutes: number;
                                review: {
                                    rating: {
                                        scale: number;
                                        value: number;
                                    } | null;
                                    verdict: string | null;
                                    work: {
                                        availability: {
                                            label: string;
                                            url: string | null;
                                        }[];
                                        credits: {
                                            character: string | null;
                                            person: {
                                                id: number;
                                                name: string;
                                                slug: string;
                                            };
                                            /** @enum {string} */
                                            role: "director" | "screenwriter" | "author" | "creator" | "cast" | "performer" | "composer" | "producer" | "cinematographer" | "translator" | "host";
                                        }[];
                                        id: number;
                                        organization: string | null;
                                        releaseDate: string | null;
                                        runtimeMinutes: number | null;
                                        slug: string;
                                        title: string;
                                        /** @enum {string} */
                                        type: "movie" | "tv_series" | "book" | "music_album" | "concert" | "live_event" | "theatre";
                                        year: number | null;
                                    };
                                } | null;
                                revision: number;
                                seoDescription: string | null;
                                seoTitle: string | null;
                                slug: string;
                                /** @enum {string} */
                                status: "draft" | "scheduled" | "published" | "archived";
                                tags: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                }[];
                                title: string;
                                /** @enum {string} */
                                type: "post" | "page";
                                updatedAt: string;
                                /** @enum {string} */
                                visibility: "public" | "members" | "paid";
                                wordCount: number;
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/posts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a post or page your role sees */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            post: {
                                authors: {
                                    bio: string;
                                    id: number;
                                    links: {
                                        label: string;
                                        url: string;
                                    }[];
                                    name: string;
                                    photoUrl: string | null;
                                    slug: string;
                                    website: string | null;
                                }[];
                                body: string;
                                /** @enum {string} */
                                bodyFormat: "markdown" | "html";
                                canonicalUrl: string | null;
                                contentNotes: string[];
                                createdAt: string;
                                customExcerpt: string;
                                excerpt: string;
                                featured: boolean;
                                featureImage: {
                                    alt: string;
                                    caption: string | null;
                                    credit: string | null;
                                    url: string;
                                } | null;
                                /** @enum {string} */
                                format: "article" | "review" | "interview" | "news" | "list" | "essay";
                                html: string;
                                id: number;
                                internalTags: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                }[];
                                people: {
                                    person: {
                                        id: number;
                                        name: string;
                                        slug: string;
                                    };
                                    /** @enum {string} */
                                    role: "interviewee";
                                }[];
                                primaryTag: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                } | null;
                                publishedAt: string | null;
                                readingMinutes: number;
                                review: {
                                    rating: {
                                        scale: number;
                                        value: number;
                                    } | null;
                                    verdict: string | null;
                                    work: {
                                        availability: {
                                            label: string;
                                            url: string | null;
                                        }[];
                                        credits: {
                                            character: string | null;
                                            person: {
                                                id: number;
                                                name: string;
                                                slug: string;
                                            };
                                            /** @enum {string} */
                                            role: "director" | "screenwriter" | "author" | "creator" | "cast" | "performer" | "composer" | "producer" | "cinematographer" | "translator" | "host";
                                        }[];
                                        id: number;
                                        organization: string | null;
                                        releaseDate: string | null;
                                        runtimeMinutes: number | null;
                                        slug: string;
                                        title: string;
                                        /** @enum {string} */
                                        type: "movie" | "tv_series" | "book" | "music_album" | "concert" | "live_event" | "theatre";
                                        year: number | null;
                                    };
                                } | null;
                                revision: number;
                                seoDescription: string | null;
                                seoTitle: string | null;
                                slug: string;
                                /** @enum {string} */
                                status: "draft" | "scheduled" | "published" | "archived";
                                tags: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                }[];
                                title: string;
                                /** @enum {string} */
                                type: "post" | "page";
                                updatedAt: string;
                                /** @enum {string} */
                                visibility: "public" | "members" | "paid";
                                wordCount: number;
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a post; it can be restored until purgeAt, then it is gone for good */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            post: {
                                authors: {
                                    bio: string;
                                    id: number;
                                    links: {
                                        label: string;
                                        url: string;
                                    }[];
                                    name: string;
                                    photoUrl: string | null;
                                    slug: string;
                                    website: string | null;
                                }[];
                                body: string;
                                /** @enum {string} */
                                bodyFormat: "markdown" | "html";
                                canonicalUrl: string | null;
                                contentNotes: string[];
                                createdAt: string;
                                customExcerpt: string;
                                excerpt: string;
                                featured: boolean;
                                featureImage: {
                                    alt: string;
                                    caption: string | null;
                                    credit: string | null;
                                    url: string;
                                } | null;
                                /** @enum {string} */
                                format: "article" | "review" | "interview" | "news" | "list" | "essay";
                                html: string;
                                id: number;
                                internalTags: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                }[];
                                people: {
                                    person: {
                                        id: number;
                                        name: string;
                                        slug: string;
                                    };
                                    /** @enum {string} */
                                    role: "interviewee";
                                }[];
                                primaryTag: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                } | null;
                                publishedAt: string | null;
                                readingMinutes: number;
                                review: {
                                    rating: {
                                        scale: number;
                                        value: number;
                                    } | null;
                                    verdict: string | null;
                                    work: {
                                        availability: {
                                            label: string;
                                            url: string | null;
                                        }[];
                                        credits: {
                                            character: string | null;
                                            person: {
                                                id: number;
                                                name: string;
                                                slug: string;
                                            };
                                            /** @enum {string} */
                                            role: "director" | "screenwriter" | "author" | "creator" | "cast" | "performer" | "composer" | "producer" | "cinematographer" | "translator" | "host";
                                        }[];
                                        id: number;
                                        organization: string | null;
                                        releaseDate: string | null;
                                        runtimeMinutes: number | null;
                                        slug: string;
                                        title: string;
                                        /** @enum {string} */
                                        type: "movie" | "tv_series" | "book" | "music_album" | "concert" | "live_event" | "theatre";
                                        year: number | null;
                                    };
                                } | null;
                                revision: number;
                                seoDescription: string | null;
                                seoTitle: string | null;
                                slug: string;
                                /** @enum {string} */
                                status: "draft" | "scheduled" | "published" | "archived";
                                tags: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                }[];
                                title: string;
                                /** @enum {string} */
                                type: "post" | "page";
                                updatedAt: string;
                                /** @enum {string} */
                                visibility: "public" | "members" | "paid";
                                wordCount: number;
                            };
                            purgeAt: string;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Save changes; with `revision`, answers 409 REVISION_CONFLICT if someone saved in between */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        authors?: string[] | null;
                        body?: string | null;
                        bodyFormat?: ("markdown" | "html") | null;
                        canonicalUrl?: string | null;
                        contentNotes?: string[] | null;
                        excerpt?: string | null;
                        featured?: boolean | null;
                        featureImage?: {
                            /** @default  */
                            alt?: string;
                            caption?: string;
                            credit?: string;
                            url: string;
                        } | null;
                        format?: ("article" | "review" | "interview" | "news" | "list" | "essay") | null;
                        people?: {
                            name: string;
                            /** @enum {string} */
                            role: "interviewee";
                            slug?: string;
                        }[] | null;
                        publishedAt?: string | null;
                        review?: {
                            rating?: {
                                scale: number;
                                value: number;
                            };
                            verdict?: string;
                            work: {
                                slug: string;
                            } | {
                                /** @default [] */
                                availability?: {
                                    label: string;
                                    url?: string;
                                }[];
                                /** @default [] */
                                credits?: {
                                    character?: string;
                                    name: string;
                                    /** @enum {string} */
                                    role: "director" | "screenwriter" | "author" | "creator" | "cast" | "performer" | "composer" | "producer" | "cinematographer" | "translator" | "host";
                                    slug?: string;
                                }[];
                                organization?: string;
                                releaseDate?: string;
                                runtimeMinutes?: number;
                                slug?: string;
                                title: string;
                                /** @enum {string} */
                                type: "movie" | "tv_series" | "book" | "music_album" | "concert" | "live_event" | "theatre";
                                year?: number;
                            };
                        } | null;
                        revision?: number;
                        seoDescription?: string | null;
                        seoTitle?: string | null;
                        slug?: string | null;
                        status?: ("draft" | "scheduled" | "published" | "archived") | null;
                        tags?: string[] | null;
                        title?: string | null;
                        type?: ("post" | "page") | null;
                        visibility?: ("public" | "members" | "paid") | null;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            post: {
                                authors: {
                                    bio: string;
                                    id: number;
                                    links: {
                                        label: string;
                                        url: string;
                                    }[];
                                    name: string;
                                    photoUrl: string | null;
                                    slug: string;
                                    website: string | null;
                                }[];
                                body: string;
                                /** @enum {string} */
                                bodyFormat: "markdown" | "html";
                                canonicalUrl: string | null;
                                contentNotes: string[];
                                createdAt: string;
                                customExcerpt: string;
                                excerpt: string;
                                featured: boolean;
                                featureImage: {
                                    alt: string;
                                    caption: string | null;
                                    credit: string | null;
                                    url: string;
                                } | null;
                                /** @enum {string} */
                                format: "article" | "review" | "interview" | "news" | "list" | "essay";
                                html: string;
                                id: number;
                                internalTags: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                }[];
                                people: {
                                    person: {
                                        id: number;
                                        name: string;
                                        slug: string;
                                    };
                                    /** @enum {string} */
                                    role: "interviewee";
                                }[];
                                primaryTag: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                } | null;
                                publishedAt: string | null;
                                readingMinutes: number;
                                review: {
                                    rating: {
                                        scale: number;
                                        value: number;
                                    } | null;
                                    verdict: string | null;
                                    work: {
                                        availability: {
                                            label: string;
                                            url: string | null;
                                        }[];
                                        credits: {
                                            character: string | null;
                                            person: {
                                                id: number;
                                                name: string;
                                                slug: string;
                                            };
                                            /** @enum {string} */
                                            role: "director" | "screenwriter" | "author" | "creator" | "cast" | "performer" | "composer" | "producer" | "cinematographer" | "translator" | "host";
                                        }[];
                                        id: number;
                                        organization: string | null;
                                        releaseDate: string | null;
                                        runtimeMinutes: number | null;
                                        slug: string;
                                        title: string;
                                        /** @enum {string} */
                                        type: "movie" | "tv_series" | "book" | "music_album" | "concert" | "live_event" | "theatre";
                                        year: number | null;
                                    };
                                } | null;
                                revision: number;
                                seoDescription: string | null;
                                seoTitle: string | null;
                                slug: string;
                                /** @enum {string} */
                                status: "draft" | "scheduled" | "published" | "archived";
                                tags: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                }[];
                                title: string;
                                /** @enum {string} */
                                type: "post" | "page";
                                updatedAt: string;
                                /** @enum {string} */
                                visibility: "public" | "members" | "paid";
                                wordCount: number;
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/admin/api/posts/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The post or page rendered exactly as the public site will show it (HTML), whatever its status, for whoever may read it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An HTML page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/posts/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish now (or at a past time) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        publishedAt?: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            post: {
                                authors: {
                                    bio: string;
                                    id: number;
                                    links: {
                                        label: string;
                                        url: string;
                                    }[];
                                    name: string;
                                    photoUrl: string | null;
                                    slug: string;
                                    website: string | null;
                                }[];
                                body: string;
                                /** @enum {string} */
                                bodyFormat: "markdown" | "html";
                                canonicalUrl: string | null;
                                contentNotes: string[];
                                createdAt: string;
                                customExcerpt: string;
                                excerpt: string;
                                featured: boolean;
                                featureImage: {
                                    alt: string;
                                    caption: string | null;
                                    credit: string | null;
                                    url: string;
                                } | null;
                                /** @enum {string} */
                                format: "article" | "review" | "interview" | "news" | "list" | "essay";
                                html: string;
                                id: number;
                                internalTags: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                }[];
                                people: {
                                    person: {
                                        id: number;
                                        name: string;
                                        slug: string;
                                    };
                                    /** @enum {string} */
                                    role: "interviewee";
                                }[];
                                primaryTag: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                } | null;
                                publishedAt: string | null;
                                readingMinutes: number;
                                review: {
                                    rating: {
                                        scale: number;
                                        value: number;
                                    } | null;
                                    verdict: string | null;
                                    work: {
                                        availability: {
                                            label: string;
                                            url: string | null;
                                        }[];
                                        credits: {
                                            character: string | null;
                                            person: {
                                                id: number;
                                                name: string;
                                                slug: string;
                                            };
                                            /** @enum {string} */
                                            role: "director" | "screenwriter" | "author" | "creator" | "cast" | "performer" | "composer" | "producer" | "cinematographer" | "translator" | "host";
                                        }[];
                                        id: number;
                                        organization: string | null;
                                        releaseDate: string | null;
                                        runtimeMinutes: number | null;
                                        slug: string;
                                        title: string;
                                        /** @enum {string} */
                                        type: "movie" | "tv_series" | "book" | "music_album" | "concert" | "live_event" | "theatre";
                                        year: number | null;
                                    };
                                } | null;
                                revision: number;
                                seoDescription: string | null;
                                seoTitle: string | null;
                                slug: string;
                                /** @enum {string} */
                                status: "draft" | "scheduled" | "published" | "archived";
                                tags: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                }[];
                                title: string;
                                /** @enum {string} */
                                type: "post" | "page";
                                updatedAt: string;
                                /** @enum {string} */
                                visibility: "public" | "members" | "paid";
                                wordCount: number;
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/posts/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Undo a delete within the undo window */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            post: {
                                authors: {
                                    bio: string;
                                    id: number;
                                    links: {
                                        label: string;
                                        url: string;
                                    }[];
                                    name: string;
                                    photoUrl: string | null;
                                    slug: string;
                                    website: string | null;
                                }[];
                                body: string;
                                /** @enum {string} */
                                bodyFormat: "markdown" | "html";
                                canonicalUrl: string | null;
                                contentNotes: string[];
                                createdAt: string;
                                customExcerpt: string;
                                excerpt: string;
                                featured: boolean;
                                featureImage: {
                                    alt: string;
                                    caption: string | null;
                                    credit: string | null;
                                    url: string;
                                } | null;
                                /** @enum {string} */
                                format: "article" | "review" | "interview" | "news" | "list" | "essay";
                                html: string;
                                id: number;
                                internalTags: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                }[];
                                people: {
                                    person: {
                                        id: number;
                                        name: string;
                                        slug: string;
                                    };
                                    /** @enum {string} */
                                    role: "interviewee";
                                }[];
                                primaryTag: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                } | null;
                                publishedAt: string | null;
                                readingMinutes: number;
                                review: {
                                    rating: {
                                        scale: number;
                                        value: number;
                                    } | null;
                                    verdict: string | null;
                                    work: {
                                        availability: {
                                            label: string;
                                            url: string | null;
                                        }[];
                                        credits: {
                                            character: string | null;
                                            person: {
                                                id: number;
                                                name: string;
                                                slug: string;
                                            };
                                            /** @enum {string} */
                                            role: "director" | "screenwriter" | "author" | "creator" | "cast" | "performer" | "composer" | "producer" | "cinematographer" | "translator" | "host";
                                        }[];
                                        id: number;
                                        organization: string | null;
                                        releaseDate: string | null;
                                        runtimeMinutes: number | null;
                                        slug: string;
                                        title: string;
                                        /** @enum {string} */
                                        type: "movie" | "tv_series" | "book" | "music_album" | "concert" | "live_event" | "theatre";
                                        year: number | null;
                                    };
                                } | null;
                                revision: number;
                                seoDescription: string | null;
                                seoTitle: string | null;
                                slug: string;
                                /** @enum {string} */
                                status: "draft" | "scheduled" | "published" | "archived";
                                tags: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                }[];
                                title: string;
                                /** @enum {string} */
                                type: "post" | "page";
                                updatedAt: string;
                                /** @enum {string} */
                                visibility: "public" | "members" | "paid";
                                wordCount: number;
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/posts/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Saved revisions of a post, newest first (the post's authors, editors and administrators) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            revisions: {
                                createdAt: string;
                                id: number;
                                postId: number;
                                revision: number;
                                updatedAt: string;
                                userId: number | null;
                            }[];
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/posts/{id}/revisions/{revisionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One revision with the content it saved */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    revisionId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            revision: {
                                createdAt: string;
                                id: number;
                                postId: number;
                                revision: number;
                                snapshot: {
                                    [key: string]: unknown;
                                };
                                updatedAt: string;
                                userId: number | null;
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/posts/{id}/revisions/{revisionId}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore a revision's content as a new save (status and schedule stay) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    revisionId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        revision?: number;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            post: {
                                authors: {
                                    bio: string;
                                    id: number;
                                    links: {
                                        label: string;
                                        url: string;
                                    }[];
                                    name: string;
                                    photoUrl: string | null;
                                    slug: string;
                                    website: string | null;
                                }[];
                                body: string;
                                /** @enum {string} */
                                bodyFormat: "markdown" | "html";
                                canonicalUrl: string | null;
                                contentNotes: string[];
                                createdAt: string;
                                customExcerpt: string;
                                excerpt: string;
                                featured: boolean;
                                featureImage: {
                                    alt: string;
                                    caption: string | null;
                                    credit: string | null;
                                    url: string;
                                } | null;
                                /** @enum {string} */
                                format: "article" | "review" | "interview" | "news" | "list" | "essay";
                                html: string;
                                id: number;
                                internalTags: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                }[];
                                people: {
                                    person: {
                                        id: number;
                                        name: string;
                                        slug: string;
                                    };
                                    /** @enum {string} */
                                    role: "interviewee";
                                }[];
                                primaryTag: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                } | null;
                                publishedAt: string | null;
                                readingMinutes: number;
                                review: {
                                    rating: {
                                        scale: number;
                                        value: number;
                                    } | null;
                                    verdict: string | null;
                                    work: {
                                        availability: {
                                            label: string;
                                            url: string | null;
                                        }[];
                                        credits: {
                                            character: string | null;
                                            person: {
                                                id: number;
                                                name: string;
                                                slug: string;
                                            };
                                            /** @enum {string} */
                                            role: "director" | "screenwriter" | "author" | "creator" | "cast" | "performer" | "composer" | "producer" | "cinematographer" | "translator" | "host";
                                        }[];
                                        id: number;
                                        organization: string | null;
                                        releaseDate: string | null;
                                        runtimeMinutes: number | null;
                                        slug: string;
                                        title: string;
                                        /** @enum {string} */
                                        type: "movie" | "tv_series" | "book" | "music_album" | "concert" | "live_event" | "theatre";
                                        year: number | null;
                                    };
                                } | null;
                                revision: number;
                                seoDescription: string | null;
                                seoTitle: string | null;
                                slug: string;
                                /** @enum {string} */
                                status: "draft" | "scheduled" | "published" | "archived";
                                tags: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                }[];
                                title: string;
                                /** @enum {string} */
                                type: "post" | "page";
                                updatedAt: string;
                                /** @enum {string} */
                                visibility: "public" | "members" | "paid";
                                wordCount: number;
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/posts/{id}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Schedule publication at a future time */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        publishedAt: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            post: {
                                authors: {
                                    bio: string;
                                    id: number;
                                    links: {
                                        label: string;
                                        url: string;
                                    }[];
                                    name: string;
                                    photoUrl: string | null;
                                    slug: string;
                                    website: string | null;
                                }[];
                                body: string;
                                /** @enum {string} */
                                bodyFormat: "markdown" | "html";
                                canonicalUrl: string | null;
                                contentNotes: string[];
                                createdAt: string;
                                customExcerpt: string;
                                excerpt: string;
                                featured: boolean;
                                featureImage: {
                                    alt: string;
                                    caption: string | null;
                                    credit: string | null;
                                    url: string;
                                } | null;
                                /** @enum {string} */
                                format: "article" | "review" | "interview" | "news" | "list" | "essay";
                                html: string;
                                id: number;
                                internalTags: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                }[];
                                people: {
                                    person: {
                                        id: number;
                                        name: string;
                                        slug: string;
                                    };
                                    /** @enum {string} */
                                    role: "interviewee";
                                }[];
                                primaryTag: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                } | null;
                                publishedAt: string | null;
                                readingMinutes: number;
                                review: {
                                    rating: {
                                        scale: number;
                                        value: number;
                                    } | null;
                                    verdict: string | null;
                                    work: {
                                        availability: {
                                            label: string;
                                            url: string | null;
                                        }[];
                                        credits: {
                                            character: string | null;
                                            person: {
                                                id: number;
                                                name: string;
                                                slug: string;
                                            };
                                            /** @enum {string} */
                                            role: "director" | "screenwriter" | "author" | "creator" | "cast" | "performer" | "composer" | "producer" | "cinematographer" | "translator" | "host";
                                        }[];
                                        id: number;
                                        organization: string | null;
                                        releaseDate: string | null;
                                        runtimeMinutes: number | null;
                                        slug: string;
                                        title: string;
                                        /** @enum {string} */
                                        type: "movie" | "tv_series" | "book" | "music_album" | "concert" | "live_event" | "theatre";
                                        year: number | null;
                                    };
                                } | null;
                                revision: number;
                                seoDescription: string | null;
                                seoTitle: string | null;
                                slug: string;
                                /** @enum {string} */
                                status: "draft" | "scheduled" | "published" | "archived";
                                tags: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                }[];
                                title: string;
                                /** @enum {string} */
                                type: "post" | "page";
                                updatedAt: string;
                                /** @enum {string} */
                                visibility: "public" | "members" | "paid";
                                wordCount: number;
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/posts/{id}/unpublish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take a post off the site (back to draft) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            post: {
                                authors: {
                                    bio: string;
                                    id: number;
                                    links: {
                                        label: string;
                                        url: string;
                                    }[];
                                    name: string;
                                    photoUrl: string | null;
                                    slug: string;
                                    website: string | null;
                                }[];
                                body: string;
                                /** @enum {string} */
                                bodyFormat: "markdown" | "html";
                                canonicalUrl: string | null;
                                contentNotes: string[];
                                createdAt: string;
                                customExcerpt: string;
                                excerpt: string;
                                featured: boolean;
                                featureImage: {
                                    alt: string;
                                    caption: string | null;
                                    credit: string | null;
                                    url: string;
                                } | null;
                                /** @enum {string} */
                                format: "article" | "review" | "interview" | "news" | "list" | "essay";
                                html: string;
                                id: number;
                                internalTags: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                }[];
                                people: {
                                    person: {
                                        id: number;
                                        name: string;
                                        slug: string;
                                    };
                                    /** @enum {string} */
                                    role: "interviewee";
                                }[];
                                primaryTag: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                } | null;
                                publishedAt: string | null;
                                readingMinutes: number;
                                review: {
                                    rating: {
                                        scale: number;
                                        value: number;
                                    } | null;
                                    verdict: string | null;
                                    work: {
                                        availability: {
                                            label: string;
                                            url: string | null;
                                        }[];
                                        credits: {
                                            character: string | null;
                                            person: {
                                                id: number;
                                                name: string;
                                                slug: string;
                                            };
                                            /** @enum {string} */
                                            role: "director" | "screenwriter" | "author" | "creator" | "cast" | "performer" | "composer" | "producer" | "cinematographer" | "translator" | "host";
                                        }[];
                                        id: number;
                                        organization: string | null;
                                        releaseDate: string | null;
                                        runtimeMinutes: number | null;
                                        slug: string;
                                        title: string;
                                        /** @enum {string} */
                                        type: "movie" | "tv_series" | "book" | "music_album" | "concert" | "live_event" | "theatre";
                                        year: number | null;
                                    };
                                } | null;
                                revision: number;
                                seoDescription: string | null;
                                seoTitle: string | null;
                                slug: string;
                                /** @enum {string} */
                                status: "draft" | "scheduled" | "published" | "archived";
                                tags: {
                                    accentColor: string | null;
                                    description: string;
                                    id: number;
                                    isSection: boolean;
                                    name: string;
                                    navOrder: number | null;
                                    slug: string;
                                    /** @enum {string} */
                                    visibility: "public" | "internal";
                                }[];
                                title: string;
                                /** @enum {string} */
                                type: "post" | "page";
                                updatedAt: string;
                                /** @enum {string} */
                                visibility: "public" | "members" | "paid";
                                wordCount: number;
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/posts/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish, unpublish, delete or restore many posts; each post gets its own result */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "publish" | "unpublish" | "delete" | "restore";
                        ids: number[];
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                error?: {
                                    code: string;
                                    message: string;
                                };
                                id: number;
                                ok: boolean;
                                post?: {
                                    authors: {
                                        bio: string;
                                        id: number;
                                        links: {
                                            label: string;
                                            url: string;
                                        }[];
                                        name: string;
                                        photoUrl: string | null;
                                        slug: string;
                                        website: string | null;
                                    }[];
                                    body: string;
                                    /** @enum {string} */
                                    bodyFormat: "markdown" | "html";
                                    canonicalUrl: string | null;
                                    contentNotes: string[];
                                    createdAt: string;
                                    customExcerpt: string;
                                    excerpt: string;
                                    featured: boolean;
                                    featureImage: {
                                        alt: string;
                                        caption: string | null;
                                        credit: string | null;
                                        url: string;
                                    } | null;
                                    /** @enum {string} */
                                    format: "article" | "review" | "interview" | "news" | "list" | "essay";
                                    html: string;
                                    id: number;
                                    internalTags: {
                                        accentColor: string | null;
                                        description: string;
                                        id: number;
                                        isSection: boolean;
                                        name: string;
                                        navOrder: number | null;
                                        slug: string;
                                        /** @enum {string} */
                                        visibility: "public" | "internal";
                                    }[];
                                    people: {
                                        person: {
                                            id: number;
                                            name: string;
                                            slug: string;
                                        };
                                        /** @enum {string} */
                                        role: "interviewee";
                                    }[];
                                    primaryTag: {
                                        accentColor: string | null;
                                        description: string;
                                        id: number;
                                        isSection: boolean;
                                        name: string;
                                        navOrder: number | null;
                                        slug: string;
                                        /** @enum {string} */
                                        visibility: "public" | "internal";
                                    } | null;
                                    publishedAt: string | null;
                                    readingMinutes: number;
                                    review: {
                                        rating: {
                                            scale: number;
                                            value: number;
                                        } | null;
                                        verdict: string | null;
                                        work: {
                                            availability: {
                                                label: string;
                                                url: string | null;
                                            }[];
                                            credits: {
                                                character: string | null;
                                                person: {
                                                    id: number;
                                                    name: string;
                                                    slug: string;
                                                };
                                                /** @enum {string} */
                                                role: "director" | "screenwriter" | "author" | "creator" | "cast" | "performer" | "composer" | "producer" | "cinematographer" | "translator" | "host";
                                            }[];
                                            id: number;
                                            organization: string | null;
                                            releaseDate: string | null;
                                            runtimeMinutes: number | null;
                                            slug: string;
                                            title: string;
                                            /** @enum {string} */
                                            type: "movie" | "tv_series" | "book" | "music_album" | "concert" | "live_event" | "theatre";
                                            year: number | null;
                                        };
                                    } | null;
                                    revision: number;
                                    seoDescription: string | null;
                                    seoTitle: string | null;
                                    slug: string;
                                    /** @enum {string} */
                                    status: "draft" | "scheduled" | "published" | "archived";
                                    tags: {
                                        accentColor: string | null;
                                        description: string;
                                        id: number;
                                        isSection: boolean;
                                        name: string;
                                        navOrder: number | null;
                                        slug: string;
                                        /** @enum {string} */
                                        visibility: "public" | "internal";
                                    }[];
                                    title: string;
                                    /** @enum {string} */
                                    type: "post" | "page";
                                    updatedAt: string;
                                    /** @enum {string} */
                                    visibility: "public" | "members" | "paid";
                                    wordCount: number;
                                };
                            }[];
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in, plus the CSRF token every state-changing request must send as x-csrf-token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            csrfToken: string;
                            /** @enum {string} */
                            mail: "smtp" | "outbox";
                            setupNeeded: boolean;
                            signedIn: boolean;
                            staff: {
                                authorId: number | null;
                                createdAt: string;
                                email: string;
                                id: number;
                                name: string;
                                /** @enum {string} */
                                role: "contributor" | "author" | "editor" | "administrator";
                                /** @enum {string} */
                                status: "active" | "invited" | "suspended";
                            } | null;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Sign in with email and password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            staff: {
                                authorId: number | null;
                                createdAt: string;
                                email: string;
                                id: number;
                                name: string;
                                /** @enum {string} */
                                role: "contributor" | "author" | "editor" | "administrator";
                                /** @enum {string} */
                                status: "active" | "invited" | "suspended";
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Sign out of this browser */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/session/link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email a sign-in link that works even while password sign-in is paused (the answer is the same whether or not the address has an account) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Done; no content */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/session/link/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with an emailed sign-in link; it works once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            staff: {
                                authorId: number | null;
                                createdAt: string;
                                email: string;
                                id: number;
                                name: string;
                                /** @enum {string} */
                                role: "contributor" | "author" | "editor" | "administrator";
                                /** @enum {string} */
                                status: "active" | "invited" | "suspended";
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/session/sign-out-everywhere": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every session of the signed-in user, on every device */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ended: number;
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Site settings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            settings: {
                                accentColor: string;
                                /** @default  */
                                copyright: string;
                                /** @default  */
                                description: string;
                                /** @default [] */
                                footerNavigation: {
                                    label: string;
                                    url: string;
                                }[];
                                /** @default null */
                                iconUrl: (string) | null;
                                /** @default en */
                                locale: string;
                                /** @default null */
                                logoUrl: (string) | null;
                                /** @default [] */
                                navigation: {
                                    label: string;
                                    url: string;
                                }[];
                                /** @default null */
                                newsletterPromo: {
                                    headline: string;
                                    text: string;
                                } | null;
                                /** @default null */
                                printPromo: {
                                    headline: string;
                                    text: string;
                                    url: string;
                                } | null;
                                /** @default UTC */
                                timezone: string;
                                /** @default Masthead */
                                title: string;
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change some site settings (title, description, logo, accent colour, navigation, footer, timezone …) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        accentColor?: string;
                        /** @default  */
                        copyright?: string;
                        /** @default  */
                        description?: string;
                        /** @default [] */
                        footerNavigation?: {
                            label: string;
                            url: string;
                        }[];
                        /** @default null */
                        iconUrl?: (string) | null;
                        /** @default en */
                        locale?: string;
                        /** @default null */
                        logoUrl?: (string) | null;
                        /** @default [] */
                        navigation?: {
                            label: string;
                            url: string;
                        }[];
                        /** @default null */
                        newsletterPromo?: {
                            headline: string;
                            text: string;
                        } | null;
                        /** @default null */
                        printPromo?: {
                            headline: string;
                            text: string;
                            url: string;
                        } | null;
                        /** @default UTC */
                        timezone?: string;
                        /** @default Masthead */
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            settings: {
                                accentColor: string;
                                /** @default  */
                                copyright: string;
                                /** @default  */
                                description: string;
                                /** @default [] */
                                footerNavigation: {
                                    label: string;
                                    url: string;
                                }[];
                                /** @default null */
                                iconUrl: (string) | null;
                                /** @default en */
                                locale: string;
                                /** @default null */
                                logoUrl: (string) | null;
                                /** @default [] */
                                navigation: {
                                    label: string;
                                    url: string;
                                }[];
                                /** @default null */
                                newsletterPromo: {
                                    headline: string;
                                    text: string;
                                } | null;
                                /** @default null */
                                printPromo: {
                                    headline: string;
                                    text: string;
                                    url: string;
                                } | null;
                                /** @default UTC */
                                timezone: string;
                                /** @default Masthead */
                                title: string;
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/admin/api/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create the first administrator (only while no staff account exists) and sign in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        name: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            staff: {
                                authorId: number | null;
                                createdAt: string;
                                email: string;
                                id: number;
                                name: string;
                                /** @enum {string} */
                                role: "contributor" | "author" | "editor" | "administrator";
                                /** @enum {string} */
                                status: "active" | "invited" | "suspended";
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List staff accounts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            staff: {
                                authorId: number | null;
                                createdAt: string;
                                email: string;
                                id: number;
                                name: string;
                                /** @enum {string} */
                                role: "contributor" | "author" | "editor" | "administrator";
                                /** @enum {string} */
                                status: "active" | "invited" | "suspended";
                            }[];
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/staff/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a staff member's role */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        role: "contributor" | "author" | "editor" | "administrator";
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            staff: {
                                authorId: number | null;
                                createdAt: string;
                                email: string;
                                id: number;
                                name: string;
                                /** @enum {string} */
                                role: "contributor" | "author" | "editor" | "administrator";
                                /** @enum {string} */
                                status: "active" | "invited" | "suspended";
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/admin/api/staff/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore a suspended staff member */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            staff: {
                                authorId: number | null;
                                createdAt: string;
                                email: string;
                                id: number;
                                name: string;
                                /** @enum {string} */
                                role: "contributor" | "author" | "editor" | "administrator";
                                /** @enum {string} */
                                status: "active" | "invited" | "suspended";
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/staff/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend a staff member: their sessions and API keys stop working at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            staff: {
                                authorId: number | null;
                                createdAt: string;
                                email: string;
                                id: number;
                                name: string;
                                /** @enum {string} */
                                role: "contributor" | "author" | "editor" | "administrator";
                                /** @enum {string} */
                                status: "active" | "invited" | "suspended";
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/staff/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invite someone by email; editors may invite authors and contributors */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        /** @enum {string} */
                        role: "contributor" | "author" | "editor" | "administrator";
                    };
                };
            };
            responses: {
                /** @description Success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            staff: {
                                authorId: number | null;
                                createdAt: string;
                                email: string;
                                id: number;
                                name: string;
                                /** @enum {string} */
                                role: "contributor" | "author" | "editor" | "administrator";
                                /** @enum {string} */
                                status: "active" | "invited" | "suspended";
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every tag; sections are tags with isSection */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tags: {
                                accentColor: string | null;
                                description: string;
                                id: number;
                                isSection: boolean;
                                name: string;
                                navOrder: number | null;
                                slug: string;
                                /** @enum {string} */
                                visibility: "public" | "internal";
                            }[];
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a tag or section */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        accentColor?: string;
                        /** @default  */
                        description?: string;
                        /** @default false */
                        isSection?: boolean;
                        name: string;
                        navOrder?: number;
                        slug?: string;
                        /** @enum {string} */
                        visibility?: "public" | "internal";
                    };
                };
            };
            responses: {
                /** @description Success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tag: {
                                accentColor: string | null;
                                description: string;
                                id: number;
                                isSection: boolean;
                                name: string;
                                navOrder: number | null;
                                slug: string;
                                /** @enum {string} */
                                visibility: "public" | "internal";
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/tags/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace a tag or section (send every field) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        accentColor?: string;
                        /** @default  */
                        description?: string;
                        /** @default false */
                        isSection?: boolean;
                        name: string;
                        navOrder?: number;
                        slug?: string;
                        /** @enum {string} */
                        visibility?: "public" | "internal";
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tag: {
                                accentColor: string | null;
                                description: string;
                                id: number;
                                isSection: boolean;
                                name: string;
                                navOrder: number | null;
                                slug: string;
                                /** @enum {string} */
                                visibility: "public" | "internal";
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/vocabulary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The lists the editor offers: post formats, kinds of reviewed work, credit roles */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            creditRoles: {
                                label: string;
                                value: string;
                            }[];
                            formats: {
                                label: string;
                                value: string;
                            }[];
                            workTypes: {
                                label: string;
                                value: string;
                            }[];
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List outgoing webhooks (never their secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events: ("post.published" | "post.updated" | "post.unpublished" | "post.deleted" | "member.added" | "member.updated" | "subscriber.added")[];
                            webhooks: {
                                active: boolean;
                                createdAt: string;
                                createdBy: number | null;
                                events: ("post.published" | "post.updated" | "post.unpublished" | "post.deleted" | "member.added" | "member.updated" | "subscriber.added")[];
                                id: number;
                                updatedAt: string;
                                url: string;
                            }[];
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add an outgoing webhook; its signing secret is in this answer only */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default true */
                        active?: boolean;
                        events: ("post.published" | "post.updated" | "post.unpublished" | "post.deleted" | "member.added" | "member.updated" | "subscriber.added")[];
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            secret: string;
                            webhook: {
                                active: boolean;
                                createdAt: string;
                                createdBy: number | null;
                                events: ("post.published" | "post.updated" | "post.unpublished" | "post.deleted" | "member.added" | "member.updated" | "subscriber.added")[];
                                id: number;
                                updatedAt: string;
                                url: string;
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a webhook and its deliveries; waiting ones are not sent */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a webhook's URL, events or whether it is on */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean;
                        events?: ("post.published" | "post.updated" | "post.unpublished" | "post.deleted" | "member.added" | "member.updated" | "subscriber.added")[];
                        url?: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            webhook: {
                                active: boolean;
                                createdAt: string;
                                createdBy: number | null;
                                events: ("post.published" | "post.updated" | "post.unpublished" | "post.deleted" | "member.added" | "member.updated" | "subscriber.added")[];
                                id: number;
                                updatedAt: string;
                                url: string;
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/admin/api/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook's 50 most recent deliveries, newest first, with attempts and last answer */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deliveries: {
                                attempts: number;
                                createdAt: string;
                                durationMs: number | null;
                                event: string;
                                id: number;
                                lastError: string | null;
                                lastStatus: number | null;
                                /** @enum {string} */
                                state: "pending" | "delivered" | "failed";
                                updatedAt: string;
                                webhookId: number;
                            }[];
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/webhooks/{id}/ping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue a signed test delivery (event "ping") to the webhook */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            delivery: {
                                attempts: number;
                                createdAt: string;
                                durationMs: number | null;
                                event: string;
                                id: number;
                                lastError: string | null;
                                lastStatus: number | null;
                                /** @enum {string} */
                                state: "pending" | "delivered" | "failed";
                                updatedAt: string;
                                webhookId: number;
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/webhooks/{id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret; the new one is in this answer only */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            secret: string;
                            webhook: {
                                active: boolean;
                                createdAt: string;
                                createdBy: number | null;
                                events: ("post.published" | "post.updated" | "post.unpublished" | "post.deleted" | "member.added" | "member.updated" | "subscriber.added")[];
                                id: number;
                                updatedAt: string;
                                url: string;
                            };
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/works": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reviewed works whose title starts with q, with their credits (the review form offers these as you type) */
        get: {
            parameters: {
                query: {
                    limit?: number;
                    q: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            works: {
                                availability: {
                                    label: string;
                                    url: string | null;
                                }[];
                                credits: {
                                    character: string | null;
                                    person: {
                                        id: number;
                                        name: string;
                                        slug: string;
                                    };
                                    /** @enum {string} */
                                    role: "director" | "screenwriter" | "author" | "creator" | "cast" | "performer" | "composer" | "producer" | "cinematographer" | "translator" | "host";
                                }[];
                                id: number;
                                organization: string | null;
                                releaseDate: string | null;
                                runtimeMinutes: number | null;
                                slug: string;
                                title: string;
                                /** @enum {string} */
                                type: "movie" | "tv_series" | "book" | "music_album" | "concert" | "live_event" | "theatre";
                                year: number | null;
                            }[];
                        };
                    };
                };
                /** @description Invalid input; the fields are named */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role too low */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                code: string;
                fields?: {
                    field: string;
                    message: string;
                }[];
                message: string;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
