#pragma once
/// Messages of the tenant's booking actor beyond the calendar protocol
/// (actors/calendar/protocol.hpp, which it accepts and routes to the branch's connection).
///
///   (activity_atom) -> int64_t   Unix ms of the last request it handled (now while a write is
///                                in flight or queued); the tenant directory's idle check.

#include <caf/atom.hpp>

namespace askpro::actors::booking {

using activity_atom = caf::atom_constant<caf::atom("activity")>;

}  // namespace askpro::actors::booking
