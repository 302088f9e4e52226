// provider.mjs - a real OpenID provider (npm oidc-provider, an OpenID-certified implementation) on
// loopback for the report server's sign-in tests, with a few test controls beside it.
//
//   node provider.mjs PORT REDIRECT_URI KEYFILE
// prints "listening http://127.0.0.1:PORT" when ready. KEYFILE holds the signing key (a private
// JWK, made when missing): restart with a new one to rotate the keys.
//
// Test controls (this process is a test fixture, never a production provider):
//   POST /test/login?account=maija   who signs in next (the login and consent pages are skipped)
//   POST /test/tamper?mode=...       the next token response carries a bad ID token: signature,
//                                    audience, expired, issuer, nonce or malformed
import http from 'node:http';
import fs from 'node:fs';
import Provider from 'oidc-provider';
import * as jose from 'jose';

const [port, redirect, keyFile] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;

if (!fs.existsSync(keyFile)) {
  const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
  const jwk = await jose.exportJWK(privateKey);
  jwk.kid = 'k-' + Math.random().toString(36).slice(2, 10);
  jwk.alg = 'RS256';
  jwk.use = 'sig';
  fs.writeFileSync(keyFile, JSON.stringify(jwk));
}
const key = JSON.parse(fs.readFileSync(keyFile, 'utf8'));

const ACCOUNTS = {
  maija: { sub: 'maija-1', email: 'maija@example.fi', email_verified: true, name: 'Maija Meikäläinen', groups: [] },
  uusi: { sub: 'uusi-2', email: 'uusi@example.fi', email_verified: true, name: 'Uusi Työntekijä', groups: [], unit: 'Pa\u0308ivystys' },
  hanna: { sub: 'hanna-3', email: 'hanna.hr@example.fi', email_verified: true, name: 'Hanna HR', groups: ['pakopeli-hr-admins'] },
  esko: { sub: 'esko-4', email: 'esko.esihenkilo@example.fi', email_verified: true, name: 'Esko Esihenkilö', groups: ['pakopeli-managers'] },
  nobody: { sub: 'nobody-5', email: 'nobody@example.fi', email_verified: true, name: 'Ei Ketään', groups: [] },
};
let next = 'maija', tamper = null;

const provider = new Provider(issuer, {
  clients: [{ client_id: 'pakopeli', client_secret: 'client secret for the tests', redirect_uris: [redirect],
    grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic' }],
  jwks: { keys: [key] },
  pkce: { required: () => true, methods: ['S256'] },
  scopes: ['openid', 'email', 'profile', 'groups', 'unit'],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'], unit: ['unit'] },
  conformIdTokenClaims: false, // the claims go in the ID token, as Entra ID does
  features: { devInteractions: { enabled: false } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  cookies: { keys: ['test cookie key'] },
  ttl: { IdToken: 300, AccessToken: 300, AuthorizationCode: 60 },
  async findAccount(ctx, id) {
    const a = Object.values(ACCOUNTS).find((x) => x.sub === id);
    return a && { accountId: id, claims: () => a };
  },
});
provider.proxy = false;

// signs claims with the real key, or another one for "signature"
async function sign(claims, header) {
  const k = await jose.importJWK(key, 'RS256');
  return new jose.SignJWT(claims).setProtectedHeader(header).sign(k);
}

async function tampered(idToken, mode) {
  const header = jose.decodeProtectedHeader(idToken), claims = jose.decodeJwt(idToken);
  const now = Math.floor(Date.now() / 1000);
  if (mode === 'malformed') return 'not.a-token';
  if (mode === 'signature') {
    const [h, p, s] = idToken.split('.');
    return `${h}.${p}.${s.slice(0, -6)}${s.slice(-6) === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'}`;
  }
  if (mode === 'audience') return sign({ ...claims, aud: 'someone-else' }, header);
  if (mode === 'expired') return sign({ ...claims, iat: now - 7200, exp: now - 3600 }, header);
  if (mode === 'issuer') return sign({ ...claims, iss: 'https://evil.example' }, header);
  if (mode === 'nonce') return sign({ ...claims, nonce: 'another-nonce' }, header);
  throw new Error('unknown tamper mode ' + mode);
}

provider.use(async (ctx, nextMw) => {
  await nextMw();
  if (ctx.path === '/token' && ctx.status === 200 && tamper && ctx.body && ctx.body.id_token) {
    ctx.body = { ...ctx.body, id_token: await tampered(ctx.body.id_token, tamper) };
    tamper = null;
  }
});

const callback = provider.callback();
const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, issuer);
    if (req.method === 'POST' && url.pathname === '/test/login') {
      next = url.searchParams.get('account');
      res.end('ok');
      return;
    }
    if (req.method === 'POST' && url.pathname === '/test/tamper') {
      tamper = url.searchParams.get('mode');
      res.end('ok');
      return;
    }
    if (url.pathname.startsWith('/interaction/')) {
      // the user signs in and consents at once: the account chosen by /test/login
      const details = await provider.interactionDetails(req, res);
      const account = ACCOUNTS[next];
      if (details.prompt.name === 'login') {
        await provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
        return;
      }
      const grant = new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
      grant.addOIDCScope(details.params.scope);
      await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
      return;
    }
    callback(req, res);
  } catch (e) {
    res.statusCode = 500;
    res.end(String(e && e.stack));
  }
});
server.listen(Number(port), '127.0.0.1', () => console.log(`listening ${issuer}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
