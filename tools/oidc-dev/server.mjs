// A real OpenID Connect provider (panva/oidc-provider) for the demo and the tests: never for production.
//
//   node tools/oidc-dev/server.mjs            (settings from the environment, see README.md here)
//
// It serves one client (the portal) and the accounts in OIDC_DEV_GEBRUIKERS (a JSON file), each with
// a password and claims such as `groups`. The login page is a plain HTML form; consent is given
// automatically for the portal (a first-party client). A fresh signing key is made at every start.
import { generateKeyPairSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import Provider from 'oidc-provider';

const hier = dirname(fileURLToPath(import.meta.url));
const poort = Number(process.env.OIDC_DEV_POORT || 8090);
const issuer = process.env.OIDC_DEV_ISSUER || `http://127.0.0.1:${poort}`;
const clientId = process.env.OIDC_DEV_CLIENT_ID || 'privacy-portal';
const clientSecret = process.env.OIDC_DEV_CLIENT_SECRET || 'privacy-portal-dev-geheim';
const redirectUris = (process.env.OIDC_DEV_REDIRECT_URIS || 'http://127.0.0.1:8000/inloggen/sso/terug/').split(',');
const gebruikers = JSON.parse(readFileSync(process.env.OIDC_DEV_GEBRUIKERS || join(hier, 'gebruikers.json'), 'utf8'));

const SCOPES = 'openid email profile groups';
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const sleutel = { ...privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256', kid: randomBytes(8).toString('hex') };

const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: redirectUris,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  jwks: { keys: [sleutel] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name', 'preferred_username'],
    groups: ['groups'],
  },
  scopes: SCOPES.split(' '),
  features: { devInteractions: { enabled: false } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, sub) {
    const gebruiker = gebruikers[sub];
    if (!gebruiker) return undefined;
    return { accountId: sub, claims: async () => ({ sub, ...gebruiker.claims }) };
  },
  // The portal is a first-party client: consent is implied, no consent screen.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope(SCOPES);
    await grant.save();
    return grant;
  },
});

function escape(tekst) {
  return String(tekst).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function loginPagina(uid, fout) {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Inloggen bij de test-identiteitsprovider</title></head>
<body><main><h1>Test-identiteitsprovider</h1>
<p>Alleen voor de demo en de tests van de Privacy Portal.</p>
${fout ? `<p role="alert">${escape(fout)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<p><label for="login">Gebruikersnaam</label> <input id="login" name="login" autocomplete="username"></p>
<p><label for="password">Wachtwoord</label> <input id="password" name="password" type="password" autocomplete="current-password"></p>
<p><button type="submit">Inloggen bij de identiteitsprovider</button></p>
</form></main></body></html>`;
}

function gelijk(a, b) {
  const x = Buffer.from(String(a));
  const y = Buffer.from(String(b));
  return x.length === y.length && timingSafeEqual(x, y);
}

async function leesFormulier(req) {
  const delen = [];
  for await (const deel of req) delen.push(deel);
  return new URLSearchParams(Buffer.concat(delen).toString('utf8'));
}

const oidc = provider.callback();
const server = http.createServer(async (req, res) => {
  const pad = new URL(req.url, issuer).pathname;
  const match = pad.match(/^\/interaction\/([\w-]+)(\/login)?$/);
  if (!match) return oidc(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== match[1]) throw new Error('onbekende interactie');
    if (!match[2]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(loginPagina(details.uid));
    }
    const formulier = await leesFormulier(req);
    const login = formulier.get('login') || '';
    const gebruiker = Object.entries(gebruikers).find(([, g]) => g.login === login);
    if (!gebruiker || !gelijk(gebruiker[1].wachtwoord, formulier.get('password') || '')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(loginPagina(details.uid, 'Gebruikersnaam of wachtwoord klopt niet.'));
    }
    return provider.interactionFinished(req, res, { login: { accountId: gebruiker[0] } }, { mergeWithLastSubmission: false });
  } catch (fout) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
    return res.end(`Fout: ${fout.message}`);
  }
});

server.listen(poort, '127.0.0.1', () => {
  // The tests wait for this line before they use the provider.
  console.log(`oidc-dev klaar op ${issuer}`);
});
for (const signaal of ['SIGINT', 'SIGTERM']) process.on(signaal, () => server.close(() => process.exit(0)));
