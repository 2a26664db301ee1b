-- The live tree, single actors, scriptable requests and runtime errors as Lua errors.
local tree = rt.actors()
assert(tree.path == "/", "the tree starts at the root")
local paths = {}
for _, child in ipairs(tree.children) do paths[child.path] = child end
assert(paths["/db"] and paths["/tenants"] and paths["/directory"], "the root's children")
assert(type(paths["/db"].mailbox) == "number" and type(paths["/db"].handled) == "number")
local dir = rt.inspect("/directory")
assert(dir.kind == "tenant_directory" and dir.status == "running")
assert(rt.actors("/db").kind == "db")
assert(rt.request("/db", "ping", 2000) == "ok")
assert(type(rt.request("/directory", "inspect", 2000)) == "table")
local ok, err = pcall(rt.inspect, "/nope")
assert(not ok and err:find("not_found: no actor at /nope", 1, true), err)
ok, err = pcall(rt.request, "/db", "format_disk", 100)
assert(not ok and err:find("invalid_argument", 1, true), err)
local samples = rt.metrics()
assert(samples['askpro_actors{kind="db"}'] == 1, "metrics of this runtime")
print("tree ok")
