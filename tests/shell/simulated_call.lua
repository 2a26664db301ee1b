-- A simulated call books through the real signed webhook and function path, and the tenant
-- API shows the appointment (its logic from the shell; over HTTP after attached runs).
-- then-api: /api/v2/appointments "service":"herrenhaarschnitt"
local number, caller = "+493091204410", "+4915112345678"
local first = rt.simulate_call{to = number, from = caller, steps = {
  {fn = "parse_date", args = {text = "nächsten Dienstag"}},
}}
local day = first[1].data.date
assert(first[1].success and day:match("^%d%d%d%d%-%d%d%-%d%d$"), "parse_date answers a date")
local answers = rt.simulate_call{to = number, from = caller, steps = {
  {fn = "check_availability", args = {service = "herrenhaarschnitt", date = day, time = "10:00"}},
  {fn = "book_appointment_v3",
   args = {service = "herrenhaarschnitt", date = day, time = "10:00", name = "Erika Muster"}},
}}
assert(#answers == 2, "one answer per step")
assert(answers[1].success and answers[1].data.available, answers[1].message)
assert(answers[2].success, answers[2].message)
print(answers[2].message)
local salon = rt.tenant("salon-lindenblatt")
local booked = salon:appointments{from = day}
assert(#booked == 1, "the API shows one appointment")
assert(booked[1].service == "herrenhaarschnitt" and booked[1].source == "phone")
assert(booked[1].start == day .. "T10:00:00+01:00", booked[1].start)
assert(#salon:services() >= 5 and #salon:staff() >= 2)
local ok, err = pcall(rt.tenant, "nobody")
assert(not ok and err:find("not_found", 1, true))
print("simulated call ok")
