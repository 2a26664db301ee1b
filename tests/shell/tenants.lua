-- The tenants of the database and help().
local ts = rt.tenants()
assert(#ts == 1, "one tenant")
assert(ts[1].slug == "salon-lindenblatt" and ts[1].name == "Salon Lindenblatt")
help()
help("rt.tenants")
local ok, err = pcall(help, "rt.nothing")
assert(not ok and err:find("not_found", 1, true))
