// Complaint (ARF, RFC 5965) and bounce (DSN, RFC 3464) emails shaped like the ones mailbox
// providers send, wrapped around an original message that our SMTP server received.

const CRLF = '\r\n';

/** The header block of a raw message. */
export function headerBlock(raw: Buffer): string {
  const text = raw.toString('latin1');
  return text.slice(0, text.indexOf(`${CRLF}${CRLF}`));
}

function base64Lines(text: string): string {
  return Buffer.from(text, 'latin1').toString('base64').replace(/.{76}/g, `$&${CRLF}`);
}

export interface ArfOptions {
  feedbackType?: string;
  originalRcptTo?: string;
  /** The original as message/rfc822 (whole), text/rfc822-headers (headers, base64 as some providers send), or left out. */
  returned?: 'message' | 'headers' | 'none';
}

/** A feedback-loop complaint about `original`, as a provider's abuse desk sends it. */
export function arfReport(original: Buffer, options: ArfOptions = {}): Buffer {
  const { feedbackType = 'abuse', originalRcptTo, returned = 'message' } = options;
  const parts = [
    `--arf${CRLF}Content-Type: text/plain; charset="US-ASCII"${CRLF}Content-Transfer-Encoding: 7bit${CRLF}${CRLF}` +
      `This is an email abuse report for an email message received from IP 192.0.2.10 on Tue, 1 Dec 2026 09:12:44 +0000.${CRLF}` +
      `For more information about this format please see http://www.mipassoc.org/arf/.${CRLF}`,
    `--arf${CRLF}Content-Type: message/feedback-report${CRLF}${CRLF}` +
      [
        `Feedback-Type: ${feedbackType}`,
        'User-Agent: ExampleMail-FBL/2.1',
        'Version: 1',
        'Original-Mail-From: <news@magazine.example>',
        ...(originalRcptTo ? [`Original-Rcpt-To: <${originalRcptTo}>`] : []),
        'Arrival-Date: Tue, 01 Dec 2026 09:12:44 +0000',
        'Reporting-MTA: dns; fbl.mail.example',
        'Source-IP: 192.0.2.10',
      ].join(CRLF) +
      CRLF,
    ...(returned === 'message' ? [`--arf${CRLF}Content-Type: message/rfc822${CRLF}Content-Disposition: inline${CRLF}${CRLF}${original.toString('latin1')}`] : []),
    ...(returned === 'headers' ? [`--arf${CRLF}Content-Type: text/rfc822-headers${CRLF}Content-Transfer-Encoding: base64${CRLF}${CRLF}${base64Lines(`${headerBlock(original)}${CRLF}`)}${CRLF}`] : []),
  ];
  return Buffer.from(
    [
      'Return-Path: <>',
      'From: Mail Feedback Loop <fbl@mail.example>',
      'To: abuse@magazine.example',
      'Subject: Email Feedback Report for IP 192.0.2.10',
      'Date: Tue, 01 Dec 2026 09:20:00 +0000',
      'Message-ID: <fbl-0001@mail.example>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=feedback-report;',
      '\tboundary="arf"',
      '',
      'This is a multi-part message in MIME format.',
      '',
    ].join(CRLF) +
      parts.join(CRLF) +
      `${CRLF}--arf--${CRLF}`,
    'latin1',
  );
}

export interface DsnRecipientFields {
  address: string;
  action: string;
  status: string;
  diagnostic?: string;
}

/** A non-delivery report from the receiving side's mail server, returning the original's headers. */
export function dsnReport(original: Buffer, recipients: DsnRecipientFields[]): Buffer {
  const perRecipient = recipients
    .map((r) =>
      [
        `Original-Recipient: rfc822;${r.address}`,
        `Final-Recipient: rfc822; ${r.address}`,
        `Action: ${r.action}`,
        `Status: ${r.status}`,
        'Remote-MTA: dns; mx.mail.example',
        ...(r.diagnostic ? [`Diagnostic-Code: smtp; ${r.diagnostic}`] : []),
      ].join(CRLF),
    )
    .join(`${CRLF}${CRLF}`);
  return Buffer.from(
    [
      'From: Mail Delivery System <MAILER-DAEMON@relay.magazine.example>',
      'To: news@magazine.example',
      'Subject: Undelivered Mail Returned to Sender',
      'Date: Tue, 01 Dec 2026 09:30:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"',
      '',
      '--dsn',
      'Content-Description: Notification',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'This is the mail system at host relay.magazine.example.',
      '',
      "I'm sorry to have to inform you that your message could not be delivered to one or more recipients.",
      '',
      '--dsn',
      'Content-Description: Delivery report',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; relay.magazine.example',
      'X-Postfix-Queue-ID: 4F1C2A0B3D',
      'Arrival-Date: Tue,  1 Dec 2026 09:29:58 +0000 (UTC)',
      '',
      perRecipient,
      '',
      '--dsn',
      'Content-Description: Undelivered Message Headers',
      'Content-Type: text/rfc822-headers',
      '',
      headerBlock(original),
      '',
      '--dsn--',
      '',
    ].join(CRLF),
    'latin1',
  );
}

/** Several messages as one mbox file (mboxrd: "From " lines in bodies get a ">"). */
export function mbox(messages: Buffer[]): Buffer {
  return Buffer.from(messages.map((m) => `From MAILER-DAEMON Tue Dec  1 09:30:00 2026\n${m.toString('latin1').replace(/^(>*From )/gm, '>$1')}\n`).join(''), 'latin1');
}
