-- expect-error: instruction budget
-- Catching the budget's error does not escape it.
while true do pcall(function() while true do end end) end
