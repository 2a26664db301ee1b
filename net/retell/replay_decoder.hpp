#pragma once
/// The Retell codec as actors::call::replay_pending needs it: a stored webhook body (the inbox
/// payload) back to the dialled number and the call event — the same translation the live
/// webhook handler applies, so a replayed event sets exactly the fields a delivery would.
/// Thread-safety: the decoder's functions are pure and may be called from any thread.

#include "actors/call/voice_replay.hpp"

namespace askpro::net::retell {

actors::call::stored_event_decoder replay_decoder();

}  // namespace askpro::net::retell
