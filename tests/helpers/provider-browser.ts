// The browser's part of a provider sign-in, at the test OpenID Connect provider
// (tests/helpers/test-oidc-provider.mjs): follow its redirects, fill its login screen with
// `login`, and stop at the redirect back to the app. Its cookies are kept per instance, as a
// browser keeps them per site, so a second sign-in may find the provider's session.

export class ProviderBrowser {
  readonly cookies = new Map<string, string>();

  private remember(response: Response): void {
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = ""] = setCookie.split(";");
      const [name = "", ...value] = pair.split("=");
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(setCookie)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.join("="));
    }
  }

  private async request(url: string, init: RequestInit = {}): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const headers = new Headers(init.headers);
    if (cookie) headers.set("cookie", cookie);
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    this.remember(response);
    return response;
  }

  /** From the authorisation URL to the app's callback URL (with code and state), signing in as `login`. */
  async signIn(authorizationUrl: string, login: string): Promise<string> {
    const origin = new URL(authorizationUrl).origin;
    let url = authorizationUrl;
    for (let hop = 0; hop < 12; hop += 1) {
      const response = await this.request(url);
      const location = response.headers.get("location");
      if (location) {
        const next = new URL(location, url);
        if (next.origin !== origin) return next.href;
        url = next.href;
        continue;
      }
      const page = await response.text();
      const action = /<form[^>]*action="([^"]+)"[^>]*method="post"/i.exec(page)?.[1];
      if (!action || !page.includes('name="login"')) throw new Error(`no login form at ${url}:\n${page}`);
      const submitted = await this.request(new URL(action.replaceAll("&amp;", "&"), url).href, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ prompt: "login", login, password: "any password" }),
      });
      url = new URL(submitted.headers.get("location") ?? "", url).href;
    }
    throw new Error("too many redirects at the provider");
  }
}
