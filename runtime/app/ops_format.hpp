#pragma once
/// How `askpro ops` prints the ops API's answers for people: the tree as an indented listing
/// (id, kind, status, restarts, mailbox, handled), one node as "key: value" lines with its
/// state, the job list as a table. Thread-safety: pure functions. Errors: none (missing fields
/// print as "-").

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace askpro::app {

std::string format_tree(const nlohmann::json& root);
std::string format_node(const nlohmann::json& node);
std::string format_jobs(const nlohmann::json& list);

}  // namespace askpro::app
