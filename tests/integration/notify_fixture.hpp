#pragma once
/// Shared by the notification suites: a voice node (voice_fixture.hpp) that also runs /notify and
/// /jobs against the fake gateways (tests/fakes/notify_server.hpp), and ways to watch the queue.
/// The gateways require the token "gw-token"; the queue polls every 20 ms, first retry gap 1 s
/// (doubling), 4 attempts; each channel's breaker opens after 3 failures for 60 s.
/// Thread-safety: one test thread.

#include "persistence/repo/job_repo.hpp"
#include "tests/fakes/notify_server.hpp"
#include "tests/integration/voice_fixture.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace askpro::test {

/// Settings whose `notify` points at `fake` (SMS, WhatsApp and e-mail) and whose `jobs` suit tests.
config::settings delivery_settings(const notify_server& fake);

/// A voice node with delivery to `fake` (node id `node_id`); the salon branch "mitte" notifies
/// mitte@salon.example and +4930123456 of callback requests.
voice_node_options delivery_node(const notify_server& fake, const std::string& node_id = "node-a");

/// The job with `key` (plain SQL on the backend); REQUIREs it to exist.
persistence::job_record job_by_key(const backend& db, const std::string& key);

/// "<kind>:<company>:<row>:<channel>" — the key of a message job.
std::string message_key(const backend& db, const std::string& kind, const std::string& row,
                        const std::string& channel);

/// The delivered messages of `fake` sent with job key `key` (an e-mail's Message-ID is made
/// from it).
std::vector<nlohmann::json> delivered(notify_server& fake, const std::string& key);

/// Tells the node's workers to look for due jobs now (after the clock moved).
void poke(voice_node& n);

}  // namespace askpro::test
