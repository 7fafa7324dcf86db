"""Sends every step of cases/*.json to a running Swift (127.0.0.1:8080, tempauth) and writes
what it answered into recordings/<same name>.json. Called by record.sh (which starts Swift);
the C# replayer (tests/CloudFs.EndToEndTests/Conformance) sends the same bytes to CloudFs.

A step is sent on a fresh connection as raw bytes, so bad paths, odd framing and unknown
methods reach the server exactly as written. Templates in paths, header values and bodies:
{account} / {account:test2} (a user's storage account), {c} {c2} {c3}... (the case's own
containers), {now+N} / {now-N} (epoch seconds). tempurl and formpost steps carry the inputs of
the signature, which recorder and replayer both compute."""
import base64, hashlib, hmac, http.client, json, os, re, socket, subprocess, sys, time

# Some answers carry over 100 headers (90 metadata items and more): http.client stops at 100.
http.client._MAXHEADERS = 1000

HERE, CONTAINER_CONF = sys.argv[1], sys.argv[2]
ONLY = set(sys.argv[3:])
HOST, PORT = "127.0.0.1", 8080
BASE = "http://%s:%d" % (HOST, PORT)
USERS = {
    "tester": ("test:tester", "testing"),
    "tester2": ("test:tester2", "testing2"),
    "tester3": ("test:tester3", "testing3"),
    "test2": ("test2:tester2", "testing2"),
    "admin": ("admin:admin", "admin"),
}
BOUNDARY = "cfconformanceboundary"


def send(method, target, headers, body=b"", chunks=None):
    """One request on its own connection: (status, [(name, value)], body bytes)."""
    lines = ["%s %s HTTP/1.1" % (method, target)]
    names = {k.lower() for k, _ in headers}
    if "host" not in names:
        lines.append("Host: %s:%d" % (HOST, PORT))
    for k, v in headers:
        lines.append("%s: %s" % (k, v))
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8", "surrogateescape")
    if chunks is not None:
        body = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in chunks) + b"0\r\n\r\n"
    sock = socket.create_connection((HOST, PORT), timeout=30)
    try:
        sock.sendall(head + body)
        resp = http.client.HTTPResponse(sock, method=method)
        resp.begin()
        data = resp.read()
        return resp.status, resp.getheaders(), data
    except (ConnectionError, http.client.HTTPException, socket.timeout) as e:
        return 0, [], ("no answer: %s" % type(e).__name__).encode()
    finally:
        sock.close()


def login(user, key):
    for _ in range(60):  # the proxy answers before the storage servers do
        status, headers, _ = send("GET", "/auth/v1.0", [("X-Auth-User", user), ("X-Auth-Key", key)])
        if status == 200:
            h = {k.lower(): v for k, v in headers}
            return h["x-auth-token"], h["x-storage-url"].split("/v1/", 1)[1]
        time.sleep(0.5)
    raise SystemExit("login of %s failed: %s" % (user, status))


def container_name(area, case_id):
    return re.sub(r"[^a-z0-9-]", "-", ("cf-%s-%s" % (area, case_id)).lower())


def fill(text, ctx):
    def one(m):
        word = m.group(1)
        if word == "account":
            return ctx["accounts"]["tester"]
        if word.startswith("token:"):
            return ctx["tokens"][word[6:]]
        if word.startswith("account:"):
            return ctx["accounts"][word[8:]]
        if re.fullmatch(r"c\d*", word):
            return ctx["container"] + ("" if word == "c" else "-" + word[1:])
        m2 = re.fullmatch(r"now([+-]\d+)", word)
        if m2:
            return str(int(time.time()) + int(m2.group(1)))
        return m.group(0)
    return re.sub(r"\{([a-z0-9:+-]+)\}", one, text)


def body_of(step, ctx):
    if "b64" in step:
        return base64.b64decode(step["b64"])
    if "repeat" in step:
        return (step["repeat"][0] * step["repeat"][1]).encode("utf-8")
    if "b" in step:
        return fill(step["b"], ctx).encode("utf-8")
    return b""


def signature(key, message, digest, encoding):
    raw = hmac.new(key.encode(), message.encode(), getattr(hashlib, digest))
    if encoding == "base64":
        return digest + ":" + base64.urlsafe_b64encode(raw.digest()).decode().rstrip("=")
    return raw.hexdigest()


def tempurl_query(t, ctx):
    path = fill(t["path"], ctx)
    expires = int(time.time()) + t.get("expiresIn", 300) if "expires" not in t else t["expires"]
    # A prefix-based signature covers "prefix:/v1/account/container/<prefix>".
    signed = ("prefix:" + "/".join(path.split("/")[:4]) + "/" + t["prefix"]) if t.get("prefix") is not None else path
    msg = "%s\n%s\n%s" % (t.get("sigMethod", t.get("method", "GET")), expires, signed)
    if "ip" in t:
        msg = "ip=%s\n%s" % (t["ip"], msg)
    sig = t.get("sig") or signature(fill(t["key"], ctx), msg, t.get("digest", "sha1"), t.get("encoding", "hex"))
    if t.get("upper"):
        sig = sig.upper()
    q = "temp_url_sig=%s&temp_url_expires=%s" % (quote(sig), t.get("expiresText", expires))
    if t.get("prefix") is not None:
        q += "&temp_url_prefix=" + quote(t["prefix"])
    if "ip" in t:
        q += "&temp_url_ip_range=" + quote(t["ip"])
    if t.get("extra"):
        q += "&" + t["extra"]
    return q


def quote(s):
    from urllib.parse import quote as q
    return q(s, safe="")


def formpost_body(f, ctx):
    path = fill(f["path"], ctx)
    expires = int(time.time()) + f.get("expiresIn", 300)
    redirect, size, count = f.get("redirect", ""), f.get("maxFileSize", 1024), f.get("maxFileCount", 5)
    msg = "%s\n%s\n%s\n%s\n%s" % (path, redirect, size, count, expires)
    sig = f.get("sig") or signature(fill(f["key"], ctx), msg, f.get("digest", "sha1"), f.get("encoding", "hex"))
    fields = [("redirect", redirect), ("max_file_size", str(size)), ("max_file_count", str(count)),
              ("expires", str(expires)), ("signature", sig)]
    out = []
    for name, value in fields:
        out.append('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' % (BOUNDARY, name, value))
    for i, file in enumerate(f["files"]):
        out.append('--%s\r\nContent-Disposition: form-data; name="file%d"; filename="%s"\r\nContent-Type: %s\r\n\r\n%s\r\n'
                   % (BOUNDARY, i + 1, file["filename"], file.get("type", "text/plain"), file["content"]))
    out.append("--%s--\r\n" % BOUNDARY)
    return "".join(out).encode("utf-8")


def run_step(step, ctx):
    if step.get("sleep"):
        time.sleep(step["sleep"])
    if step.get("settle"):
        # Swift's account listing learns object counts from the container updater; CloudFs
        # updates them at once. Settle steps make Swift catch up before the step is sent.
        subprocess.run(["swift-container-updater", CONTAINER_CONF, "once"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    method = step.get("m", "GET")
    target = fill(step.get("p", "/"), ctx)
    headers = [(k, fill(v, ctx)) for k, v in step.get("h", {}).items()]
    user = step.get("u", "tester")
    if user is not None and user != "anon":
        headers.insert(0, ("X-Auth-Token", ctx["tokens"][user]))
    body, chunks = body_of(step, ctx), None
    if "tempurl" in step:
        target += ("&" if "?" in target else "?") + tempurl_query(step["tempurl"], ctx)
    if "formpost" in step:
        body = formpost_body(step["formpost"], ctx)
        headers.append(("Content-Type", "multipart/form-data; boundary=" + BOUNDARY))
    if "chunks" in step:
        chunks = [fill(c, ctx).encode("utf-8") for c in step["chunks"]]
        if not any(k.lower() == "transfer-encoding" for k, _ in headers):
            headers.append(("Transfer-Encoding", "chunked"))
    elif not any(k.lower() == "content-length" for k, _ in headers) and not step.get("noLength") \
            and (body or method in ("PUT", "POST")):
        headers.append(("Content-Length", str(len(body))))
    status, resp_headers, data = send(method, target, headers, body, chunks)
    answer = {"status": status, "headers": [[k, v.replace(BASE, "{base}")] for k, v in resp_headers]}
    try:
        answer["body"] = data.decode("utf-8").replace(BASE, "{base}")
    except UnicodeDecodeError:
        answer["bodyB64"] = base64.b64encode(data).decode()
    return answer


cases_dir = os.path.join(HERE, "cases")
out_dir = os.path.join(HERE, "recordings")
os.makedirs(out_dir, exist_ok=True)
tokens, accounts = {}, {}
for name, (user, key) in USERS.items():
    tokens[name], accounts[name] = login(user, key)
# A fresh Swift answers 503 until its storage servers are up: wait for a container PUT.
for _ in range(60):
    s, _, _ = send("PUT", "/v1/%s/cf-warmup" % accounts["tester"], [("X-Auth-Token", tokens["tester"]), ("Content-Length", "0")])
    if s in (201, 202):
        break
    time.sleep(0.5)
send("DELETE", "/v1/%s/cf-warmup" % accounts["tester"], [("X-Auth-Token", tokens["tester"])])

started, total_steps, total_cases = time.time(), 0, 0
for file in sorted(os.listdir(cases_dir)):
    if not file.endswith(".json") or (ONLY and file[:-5] not in ONLY):
        continue
    area = file[:-5]
    spec = json.load(open(os.path.join(cases_dir, file), encoding="utf-8"))
    recorded = {"swiftVersion": os.environ.get("SWIFT_VERSION", "?"), "area": area, "cases": {}}
    for case in spec["cases"]:
        ctx = {"tokens": tokens, "accounts": accounts, "container": container_name(area, case["id"])}
        answers = [run_step(step, ctx) for step in case["steps"]]
        recorded["cases"][case["id"]] = answers
        total_steps += len(answers)
        total_cases += 1
    with open(os.path.join(out_dir, file), "w", encoding="utf-8") as f:
        json.dump(recorded, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print("%s: %d cases" % (area, len(spec["cases"])))
print("%d cases, %d steps recorded in %.0f s" % (total_cases, total_steps, time.time() - started))
