#!/usr/bin/python3
"""A real SMTP server on loopback for the report server's e-mail tests (Debian's python3-aiosmtpd).

Every accepted message is written to OUT/NNNN.json as {from, to, subject, body, raw}, decoded
with Python's e-mail parser, so a test reads what a mailbox would show. A recipient whose address
contains "refuse" is refused with 550 (as a relay does for an unknown mailbox).

usage: smtp_sink.py OUT PORT [--user U --password P] [--tls CERT KEY]
Prints "listening PORT" when ready; stops on SIGTERM.
"""
import asyncio, json, os, signal, ssl, sys
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Sink:
    def __init__(self, out):
        self.out, self.count = out, 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if 'refuse' in address:
            return '550 5.1.1 No such mailbox here'
        envelope.rcpt_tos.append(address)
        return '250 OK'

    async def handle_DATA(self, server, session, envelope):
        msg = message_from_bytes(envelope.original_content, policy=policy.default)
        self.count += 1
        record = {
            'from': envelope.mail_from, 'to': envelope.rcpt_tos, 'subject': str(msg['subject']),
            'body': msg.get_body(preferencelist=('plain',)).get_content(), 'auth': bool(session.authenticated),
            'tls': session.ssl is not None, 'raw': envelope.original_content.decode('utf-8', 'replace'),
        }
        path = os.path.join(self.out, '%04d.json' % self.count)
        with open(path + '.tmp', 'w') as f:
            json.dump(record, f, ensure_ascii=False)
        os.rename(path + '.tmp', path)
        return '250 Message accepted for delivery'


def main():
    args = sys.argv[1:]
    out, port = args.pop(0), int(args.pop(0))
    user = password = cert = key = None
    while args:
        a = args.pop(0)
        if a == '--user': user = args.pop(0)
        elif a == '--password': password = args.pop(0)
        elif a == '--tls': cert, key = args.pop(0), args.pop(0)
    kw = {}
    if user:
        def check(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
            return AuthResult(success=ok)
        kw.update(authenticator=check, auth_required=True, auth_require_tls=bool(cert))
    if cert:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(cert, key)
        kw.update(tls_context=ctx, require_starttls=True)
    controller = Controller(Sink(out), hostname='127.0.0.1', port=port, **kw)
    controller.start()
    print('listening', port, flush=True)
    signal.sigwait([signal.SIGTERM, signal.SIGINT])
    controller.stop()


if __name__ == '__main__':
    main()
