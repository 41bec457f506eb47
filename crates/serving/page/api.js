// Calls to the service's HTTP/JSON door (the Connect protocol's unary
// form), as any other client makes them.

/** A refusal from the service: its message and the fields at fault. */
export class Refused extends Error {
  constructor(status, body) {
    super(body.message || `HTTP ${status}`);
    this.status = status;
    this.code = body.code || "";
    // [{field: "profile.state", description: "..."}], from google.rpc.BadRequest.
    this.fields = (body.details || [])
      .flatMap((d) => (d.debug && d.debug.fieldViolations) || []);
  }
}

/** A client of the door at `base` ("" for this page's own origin). */
export function client(base, key) {
  return async function call(method, body, language) {
    const headers = { "content-type": "application/json" };
    if (key) headers.authorization = `Bearer ${key}`;
    if (language) headers["accept-language"] = language;
    let response;
    try {
      response = await fetch(`${base}/himrec.v1.${method}`, { method: "POST", headers, body: JSON.stringify(body) });
    } catch (error) {
      throw new Refused(0, { message: String(error && error.message ? error.message : error) });
    }
    const text = await response.text();
    let json = {};
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      json = { message: text };
    }
    if (!response.ok) throw new Refused(response.status, json);
    return json;
  };
}
