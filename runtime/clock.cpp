#include "runtime/clock.hpp"

namespace askpro::runtime {

clock_ptr make_system_clock() { return std::make_shared<system_clock>(); }

}  // namespace askpro::runtime
