"""Loads objects.json into a running Swift (127.0.0.1:8080, tempauth) and records the answers
to cases.json. Called by record.sh; writes recordings.json and seed.json next to itself."""
import http.client, json, os, subprocess, sys, time
from urllib.parse import quote

HERE, CONTAINER_CONF = sys.argv[1], sys.argv[2]
SKIP = {"date", "x-trans-id", "x-openstack-request-id", "connection"}
CONTENT_TYPES = ["application/octet-stream", "text/plain", "application/x-test;charset=utf-8"]


def request(method, path, headers=None, body=None):
    conn = http.client.HTTPConnection("127.0.0.1", 8080, timeout=30)
    conn.request(method, path, body=body, headers=headers or {})
    resp = conn.getresponse()
    data = resp.read()
    conn.close()
    return resp.status, resp.getheaders(), data


def auth(user, key):
    status, headers, _ = request("GET", "/auth/v1.0", {"X-Auth-User": user, "X-Auth-Key": key})
    assert status == 200, status
    h = {k.lower(): v for k, v in headers}
    return h["x-auth-token"]


def path_of(account, container=None, obj=None):
    p = "/v1/" + quote(account, safe="")
    if container is not None:
        p += "/" + quote(container, safe="")
    if obj is not None:
        p += "/" + quote(obj, safe="/")
    return p


def query_of(pairs):
    return "&".join(quote(k, safe="") + "=" + quote(v, safe="") for k, v in pairs)


def answer(status, headers, data):
    return {
        "status": status,
        "headers": {k: v for k, v in headers if k.lower() not in SKIP},
        "body": data.decode("utf-8"),
    }


objects = json.load(open(os.path.join(HERE, "objects.json"), encoding="utf-8"))
cases = json.load(open(os.path.join(HERE, "cases.json"), encoding="utf-8"))
account = objects["account"]
token = auth("test:tester", "testing")
admin = auth("admin:admin", "admin")

for container in objects["containers"]:
    for _ in range(40):  # the proxy answers before the storage servers do
        status, _, _ = request("PUT", path_of(account, container["name"]), dict(container["headers"], **{"X-Auth-Token": token}))
        if status != 503:
            break
        time.sleep(0.5)
    assert status in (201, 202), (container["name"], status)
    for i, name in enumerate(container["objects"]):
        body = ("body of " + name).encode("utf-8") * (i + 1)
        status, _, _ = request("PUT", path_of(account, container["name"], name), {
            "X-Auth-Token": token, "Content-Type": CONTENT_TYPES[i % len(CONTENT_TYPES)],
            "Content-Length": str(len(body))}, body)
        assert status == 201, (name, status)
status, _, _ = request("POST", path_of(account), dict(objects["accountHeaders"], **{"X-Auth-Token": admin}))
assert status == 204, status

# Container stats reach the account listing through the container updater.
subprocess.run(["swift-container-updater", CONTAINER_CONF, "once"], check=True)
time.sleep(1)

seed = {"swiftVersion": os.environ.get("SWIFT_VERSION", "?"), "account": account, "containers": []}
seed["accountHead"] = answer(*request("HEAD", path_of(account), {"X-Auth-Token": token}))["headers"]
for container in objects["containers"]:
    head = answer(*request("HEAD", path_of(account, container["name"]), {"X-Auth-Token": token}))
    listing = request("GET", path_of(account, container["name"]) + "?format=json", {"X-Auth-Token": token})
    seed["containers"].append({"name": container["name"], "head": head["headers"], "objects": json.loads(listing[2] or b"[]")})

recordings = []
for case in cases:
    variants = [("json", [("format", "json")]), ("plain", []), ("xml", [("format", "xml")])] if case["expand"] else [("as-is", [])]
    for variant, extra in variants:
        q = case["query"] + extra
        path = path_of(account, case["container"]) + ("?" + query_of(q) if q else "")
        status, headers, data = request(case["method"], path, dict(case["headers"], **{"X-Auth-Token": token}))
        rec = {"id": case["id"] + "/" + variant, "method": case["method"], "container": case["container"],
               "query": [list(x) for x in q], "requestHeaders": case["headers"]}
        rec.update(answer(status, headers, data))
        recordings.append(rec)

with open(os.path.join(HERE, "seed.json"), "w", encoding="utf-8") as f:
    json.dump(seed, f, indent=1, ensure_ascii=False)
with open(os.path.join(HERE, "recordings.json"), "w", encoding="utf-8") as f:
    json.dump(recordings, f, indent=1, ensure_ascii=False)
print(len(recordings), "answers recorded")
