// FairScheduler::shared() across two QCoreApplications in one process (tests and benchmarks
// make several): Qt 6 deletes the global thread pool with the application, so the shared
// scheduler must find the new pool, not hang on the dead one's mutex (found by
// BM_ApprovalToResponse30, fixed in FairScheduler::pool()). Exit 0 on success; a hang is
// caught by the test's TIMEOUT.
#include "common/FairScheduler.h"

#include <QCoreApplication>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

namespace {

bool runOnce(int round)
{
    int argc = 1;
    char name[] = "fair_scheduler_new_app";
    char *argv[] = {name, nullptr};
    QCoreApplication app(argc, argv);
    std::atomic<int> tasks{0};
    std::atomic<bool> done{false};
    quill::FairScheduler::shared().submit(
        QStringLiteral("app"), 40, [&](std::size_t) { ++tasks; }, [&] { done = true; });
    for (int i = 0; i < 1000 && !done; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::printf("round %d: %d of 40 tasks, %s\n", round, tasks.load(), done ? "done" : "NOT done");
    return done && tasks == 40;
}

} // namespace

int main()
{
    for (int round = 1; round <= 3; ++round)
        if (!runOnce(round))
            return 1;
    return 0;
}
