// The official Ghost clients ship without type declarations; the tests use them as JavaScript does.
declare module '@tryghost/content-api' {
  type Resource = { browse(options?: object): Promise<any>; read(data: object, options?: object): Promise<any> };
  export default function GhostContentAPI(options: { url: string; key: string; version: string | boolean; ghostPath?: string; userAgent?: boolean | string }): {
    posts: Resource;
    pages: Resource;
    tags: Resource;
    authors: Resource;
    tiers: Pick<Resource, 'browse'>;
    settings: Pick<Resource, 'browse'>;
  };
}

declare module '@tryghost/admin-api' {
  type Resource = {
    browse(options?: object): Promise<any>;
    read(data: object, options?: object): Promise<any>;
    add(data: object, options?: object): Promise<any>;
    edit(data: object, options?: object): Promise<any>;
    delete(data: object, options?: object): Promise<any>;
  };
  export default function GhostAdminAPI(options: { url: string; key: string; version: string | boolean; generateToken?: (key: string, audience: string) => string }): {
    posts: Resource;
    pages: Resource;
    tags: Resource;
    members: Resource;
    users: Resource;
    newsletters: Resource;
    webhooks: Pick<Resource, 'add' | 'edit' | 'delete'>;
    images: { upload(data: { file: string; purpose?: string; ref?: string }): Promise<any> };
    site: { read(): Promise<any> };
  };
}
