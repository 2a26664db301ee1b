-- A tenant's calendar from the shell: free slots, a booking, the appointment listed, a cancel,
-- and invalid arguments named one by one.
local t = rt.tenant("salon-lindenblatt")
local day = rt.simulate_call{to = "+493091204410", steps = {
  {fn = "parse_date", args = {text = "nächsten Mittwoch"}},
}}[1].data.date
local next_day = rt.simulate_call{to = "+493091204410", steps = {
  {fn = "parse_date", args = {text = "nächsten Donnerstag"}},
}}[1].data.date
local free = t:availability{service = "herrenhaarschnitt", from = day, to = next_day, staff = "anna"}
assert(#free > 10, "a working day of free slots")
local a = t:book{service = "herrenhaarschnitt", start = free[1].start, staff = "anna",
                 customer = {name = "Max Probe", phone = "+4915199990000"}}
assert(a.status == "booked" and a.start == free[1].start and a.staff == "anna")
local listed = t:appointments{from = day, to = next_day}
assert(#listed == 1 and listed[1].id == a.id, "the booking is listed")
local again = t:availability{service = "herrenhaarschnitt", from = day, to = next_day, staff = "anna"}
assert(again[1].start ~= a.start, "the booked slot is no longer free")
local taken, why = pcall(t.book, t, {service = "herrenhaarschnitt", start = a.start, staff = "anna",
                                      customer = {name = "Eva", phone = "+4915199990001"}})
assert(not taken and why:find("slot_taken", 1, true), why)
assert(t:cancel(a.id).status == "cancelled")
local ok, err = pcall(t.book, t, {service = "nix"})
assert(not ok and err:find("service: unknown service", 1, true), err)
ok, err = pcall(t.cancel, t, 999999)
assert(not ok and err:find("not_found", 1, true), err)
print("calendar ok")
