#pragma once
/// The supervisor actor behind `spawn_supervisor` (internal to the runtime library; other code
/// talks to a supervisor by the messages documented in supervisor.hpp).
///
/// How it works: every mutating step that has to wait for children to go down (a restart of a
/// group, stop_child, restart_child) runs as an *operation*; operations run one at a time, in
/// arrival order, like the sequential message loop of an OTP supervisor. An operation that stops
/// children hands a *stop job* (stages of child ids; the ids of one stage are stopped at once, the
/// stages one after another) to `stop_children` and continues when the job is done. Termination
/// (an exit from outside, or the restart intensity exceeded) preempts whatever runs: it drops the
/// queued operations and replaces the current stop job with one that stops every child.
/// Thread-safety: an actor; all members run on its own thread of control.

#include "runtime/counted_actor.hpp"
#include "runtime/supervisor.hpp"

#include <caf/atom.hpp>
#include <caf/event_based_actor.hpp>

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace askpro::runtime::detail {

/// Internal timer: the shutdown grace of a stop stage ran out (carries the stage generation).
using stop_timeout_atom = caf::atom_constant<caf::atom("sdtimeout")>;

/// One supervised child and its current incarnation.
struct child_entry {
  child_spec spec;
  caf::message args;        ///< start arguments (simple_one_for_one)
  std::string path;         ///< tree path
  caf::actor handle;        ///< invalid while the child is down
  bool stopping = false;    ///< an orderly stop of this incarnation is in flight
  std::string last_reason;  ///< how the last incarnation ended
};

/// Children to stop, stage after stage, then a continuation.
struct stop_job {
  std::vector<std::vector<std::string>> stages;
  std::size_t next = 0;
  std::unordered_set<std::string> waiting;  ///< ids of the current stage still alive
  uint64_t gen = 0;                         ///< matches the stage's kill timer
  std::function<void()> done;
};

class supervisor_impl final : public counted<caf::event_based_actor> {
 public:
  supervisor_impl(caf::actor_config& cfg, supervisor_spec spec);

  caf::behavior make_behavior() override;
  const char* name() const override { return "askpro.supervisor"; }

 private:
  struct operation {
    std::function<void()> run;
    std::function<void()> cancel;  ///< answers a waiting requester when dropped
  };

  // -- requests (supervisor.cpp) ----------------------------------------------------------
  caf::result<caf::actor> on_start_dynamic(const std::string& id, caf::message args);
  caf::result<caf::actor> on_start_static(child_spec spec);
  caf::result<caf::ok_atom> on_stop_child(const std::string& id);
  caf::result<caf::actor> on_restart_child(const std::string& id);
  caf::result<caf::actor> on_child(const std::string& id);
  std::string inspect_json();

  // -- children (supervisor_children.cpp) --------------------------------------------------
  void start_static_children();
  caf::error add_and_start(child_spec spec, caf::message args);
  bool start_incarnation(const std::string& id, bool restart);
  caf::actor invoke_start(child_entry& e);
  void forget(const std::string& id);
  void handle_crash(const std::string& id, const caf::error& reason);
  void restart_group(std::vector<std::string> group, const std::string& crashed);
  std::vector<std::string> group_for(const std::string& crashed) const;
  bool note_restart();
  std::size_t restarts_in_window();
  void register_self();

  // -- stopping and system messages (supervisor_stop.cpp) ----------------------------------
  void schedule(std::function<void()> run, std::function<void()> cancel = {});
  void op_done();
  void run_next();
  void stop_children(std::vector<std::vector<std::string>> stages, std::function<void()> done);
  void run_stage();
  void on_stopped(const std::string& id);
  void on_stop_timeout(uint64_t gen);
  void terminate_all(caf::error reason);
  void on_down_msg(caf::down_msg& msg);
  void on_exit_msg(caf::exit_msg& msg);
  void take_children_down(const caf::error& reason);
  std::vector<std::vector<std::string>> reverse_stages(const std::vector<std::string>& ids) const;

  supervisor_spec spec_;
  std::vector<std::string> order_;  ///< child ids in start order
  std::unordered_map<std::string, child_entry> entries_;
  std::unordered_map<caf::actor_id, std::string> by_actor_;  ///< live incarnation → child id
  std::deque<clock::time_point> restarts_;                   ///< restarts inside the window
  std::deque<operation> ops_;
  bool busy_ = false;
  bool draining_ = false;
  std::function<void()> current_cancel_;  ///< cancel of the running operation
  bool terminating_ = false;
  std::deque<caf::actor_id> recent_down_;  ///< last children seen down (their exits are ignored)
  std::optional<stop_job> job_;
  uint64_t job_gen_ = 0;
};

/// A short text for an exit reason ("normal" for none).
std::string reason_text(const caf::error& reason);

/// Whether an exit reason counts as a normal exit for transient children.
bool is_normal_exit(const caf::error& reason);

}  // namespace askpro::runtime::detail
