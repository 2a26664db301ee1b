#pragma once
/// The one bridge from blocking threads (HTTP handlers, CLI) into actors: a request with a
/// timeout through a short-lived scoped actor. Thread-safety: callable from any non-actor thread;
/// never from inside an actor handler (it blocks). Errors: the actor's error, or errc::timeout.

#include "runtime/error.hpp"

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>
#include <caf/scoped_actor.hpp>

#include <chrono>
#include <utility>

namespace askpro::runtime {

template <class T, class... Ts>
[[nodiscard]] Result<T> ask(caf::actor_system& sys, const caf::actor& dest,
                            std::chrono::milliseconds timeout, Ts&&... xs) {
  if (!dest) return make_error(errc::unavailable, "actor not running");
  caf::scoped_actor self{sys};
  Result<T> out{make_error(errc::timeout, "no answer")};
  self->request(dest, timeout, std::forward<Ts>(xs)...)
      .receive([&](T& x) { out = std::move(x); },
               [&](caf::error& err) {
                 out = code_of(err) == errc::timeout ? make_error(errc::timeout, "no answer in time")
                                                     : std::move(err);
               });
  return out;
}

}  // namespace askpro::runtime
