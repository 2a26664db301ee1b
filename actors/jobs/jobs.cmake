# The durable job queue's actors (included from actors/CMakeLists.txt).
target_sources(askpro_actors PRIVATE
  jobs/jobs_spec.cpp
  jobs/job_worker.cpp
  jobs/job_queue.cpp
  jobs/job_admin.cpp
)
