#pragma once

#include <QObject>

#include <memory>

class QSocketNotifier;

namespace quill {

/// While it lives, SIGINT and SIGTERM end the running QCoreApplication's event loop with exit
/// code 0 instead of killing the process, so that destructors run: stores close their files,
/// temporary folders are removed. The signal handler only writes a byte to a socketpair (all
/// it may do); the event loop reads it and quits. One per process at a time; the handlers are
/// reset to the default when it is destroyed.
class QuitOnSignal final : public QObject
{
public:
    QuitOnSignal();
    ~QuitOnSignal() override;
    QuitOnSignal(const QuitOnSignal &) = delete;
    QuitOnSignal &operator=(const QuitOnSignal &) = delete;

    /// False when the socketpair could not be made (the signals then keep their default).
    [[nodiscard]] bool isActive() const { return m_notifier != nullptr; }

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace quill
