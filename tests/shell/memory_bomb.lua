-- expect-error: not enough memory
local t = {}
for i = 1, math.huge do t[i] = string.rep("x", 4096) .. i end
