#pragma once
/// Atoms of the runtime's own protocol (CAF 0.17: at most 10 characters each).

#include <caf/atom.hpp>

namespace askpro::runtime {

/// `inspect_atom` → `std::string` (a JSON object summarising the actor's state).
using inspect_atom = caf::atom_constant<caf::atom("inspect")>;
/// `ping_atom` → `caf::ok_atom` when the actor (and what it owns) is healthy, an error otherwise.
using ping_atom = caf::atom_constant<caf::atom("ping")>;
/// Supervisor protocol (see supervisor.hpp).
using start_child_atom = caf::atom_constant<caf::atom("startchild")>;
using stop_child_atom = caf::atom_constant<caf::atom("stopchild")>;
using restart_child_atom = caf::atom_constant<caf::atom("rstchild")>;
using which_children_atom = caf::atom_constant<caf::atom("children")>;
using child_atom = caf::atom_constant<caf::atom("child")>;
/// Breaker control (see breaker.hpp).
using breaker_reset_atom = caf::atom_constant<caf::atom("brkreset")>;
using breaker_open_atom = caf::atom_constant<caf::atom("brkopen")>;
using breaker_state_atom = caf::atom_constant<caf::atom("brkstate")>;

}  // namespace askpro::runtime
