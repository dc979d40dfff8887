#include "IdleLock.h"

#include "UnlockDialog.h"

#include "common/Async.h"
#include "crypto/Kdf.h"
#include "crypto/Random.h"
#include "vault/SecretStore.h"

#include <QApplication>
#include <QDBusConnection>
#include <QEvent>
#include <QSettings>
#include <QTimer>
#include <QWidget>

#include <memory>

namespace quill::ui {

namespace {

// The stored record: version, log2(N), r, p, salt, scrypt output.
constexpr std::uint8_t kRecordVersion = 1;
constexpr std::uint8_t kLog2N = 15; // N = 2^15, r = 8: 32 MiB, about 0.1 s here
constexpr std::uint8_t kR = 8;
constexpr std::uint8_t kP = 1;
constexpr std::size_t kSaltSize = 16;
constexpr std::size_t kHashSize = 32;
constexpr std::size_t kHeaderSize = 4;
constexpr std::size_t kRecordSize = kHeaderSize + kSaltSize + kHashSize;

/// scrypt of `password` with the record's parameters and salt; only the parameters Quill
/// writes are accepted, so a tampered entry cannot make it allocate gigabytes.
Result<crypto::SecureBytes> derive(std::span<const std::uint8_t> password,
                                   std::span<const std::uint8_t> record)
{
    if (record.size() != kRecordSize || record[0] != kRecordVersion || record[1] != kLog2N ||
        record[2] != kR || record[3] != kP)
        return Error{ErrorCode::KeychainFailure,
                     QStringLiteral("the app password entry is not one Quill wrote")};
    return crypto::scrypt(password, record.subspan(kHeaderSize, kSaltSize),
                          std::uint64_t(1) << kLog2N, kR, kP, kHashSize);
}

/// Input that means "the user is here".
bool isInput(QEvent::Type type)
{
    switch (type) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TabletPress:
        return true;
    default:
        return false;
    }
}

} // namespace

IdleLock::IdleLock(vault::SecretStore &store, const requests::Clock &clock, QObject *parent)
    : QObject(parent), m_store(store), m_clock(clock), m_lastInput(clock.now()),
      m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &IdleLock::checkIdle);
    qApp->installEventFilter(this);
}

IdleLock::~IdleLock()
{
    if (qApp)
        qApp->removeEventFilter(this);
}

void IdleLock::setTimeout(UnixMillis ms)
{
    m_timeout = ms > 0 ? ms : 0;
    m_lastInput = m_clock.now();
    if (m_timeout == 0) {
        m_timer->stop();
        if (m_locked) {
            m_locked = false;
            Q_EMIT lockedChanged(false);
        }
        return;
    }
    // Checked a few times per timeout (at most every 30 s): the lock comes at most that late.
    m_timer->start(int(qBound<UnixMillis>(200, m_timeout / 4, 30 * kSecond)));
}

void IdleLock::lock(Reason reason)
{
    if (m_timeout == 0 || m_locked)
        return;
    m_locked = true;
    m_reason = reason;
    Q_EMIT lockedChanged(true);
}

void IdleLock::checkIdle()
{
    if (m_timeout > 0 && !m_locked && m_clock.now() - m_lastInput >= m_timeout)
        lock(Reason::Idle);
}

bool IdleLock::eventFilter(QObject *watched, QEvent *event)
{
    if (m_timeout > 0 && isInput(event->type()) && watched->isWidgetType()) {
        // The first input after a long absence locks before it counts: a click on Approve
        // when the user comes back is asked about, not let through.
        checkIdle();
        if (!m_locked)
            m_lastInput = m_clock.now();
    }
    return QObject::eventFilter(watched, event);
}

bool IdleLock::watchScreenSaver()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return false;
    struct Saver
    {
        const char *service;
        const char *path;
    };
    // org.freedesktop.ScreenSaver: KDE (both paths), Xfce, LXQt; GNOME has its own name.
    const Saver savers[] = {{"org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"},
                            {"org.freedesktop.ScreenSaver", "/ScreenSaver"},
                            {"org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"}};
    bool any = false;
    for (const auto &s : savers) {
        const QString service = QString::fromLatin1(s.service);
        any = bus.connect(service, QString::fromLatin1(s.path), service,
                          QStringLiteral("ActiveChanged"), this,
                          SLOT(screenSaverActiveChanged(bool))) ||
              any;
    }
    return any;
}

void IdleLock::screenSaverActiveChanged(bool active)
{
    if (active)
        lock(Reason::ScreenLocked);
}

bool IdleLock::hasPassword() const
{
    return QSettings().value(passwordSetKey(), false).toBool();
}

void IdleLock::unlock()
{
    m_lastInput = m_clock.now();
    if (!m_locked)
        return;
    m_locked = false;
    Q_EMIT lockedChanged(false);
}

void IdleLock::ensureUnlocked(QWidget *parent, const QString &action, std::function<void()> proceed,
                              Ask ask)
{
    checkIdle();
    if (!m_locked && (ask == Ask::IfLocked || !hasPassword())) {
        proceed();
        return;
    }
    if (m_dialog) {
        // One unlock at a time; this action waits for the same answer.
        connect(m_dialog, &QDialog::accepted, this, proceed);
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    const UnlockDialog::Mode mode =
        hasPassword() ? UnlockDialog::Mode::Password : UnlockDialog::Mode::Confirm;
    QString why;
    if (!m_locked)
        why = tr("Enter the app password to %1.").arg(action);
    else if (m_reason == Reason::ScreenLocked)
        why = tr("Quill was locked when the screen locked. Unlock to %1?").arg(action);
    else
        why = tr("Quill was locked after %1 minutes without input. Unlock to %2?")
                  .arg(m_timeout / kMinute)
                  .arg(action);
    m_dialog = new UnlockDialog(*this, mode, why, parent);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this, proceed);
    m_dialog->open();
    Q_EMIT unlockRequested(m_dialog);
}

void IdleLock::verifyPassword(crypto::SecureBytes password, std::function<void(Result<bool>)> done)
{
    auto pass = std::make_shared<crypto::SecureBytes>(std::move(password));
    QPointer<IdleLock> self(this);
    m_store.read(
        passwordKey(), [self, pass, done = std::move(done)](Result<crypto::SecureBytes> stored) {
            if (!self)
                return;
            if (!stored) {
                pass->clear();
                if (stored.error().code == ErrorCode::SecretNotFound)
                    QSettings().remove(passwordSetKey()); // removed outside Quill: see UnlockDialog
                done(stored.error());
                return;
            }
            auto record = std::make_shared<crypto::SecureBytes>(std::move(stored).value());
            runInBackground(
                self.data(),
                [pass, record]() -> Result<bool> {
                    auto hash = derive(pass->span(), record->span());
                    pass->clear();
                    if (!hash)
                        return hash.error();
                    return hash->equals(record->span().subspan(kHeaderSize + kSaltSize));
                },
                done);
        });
}

void IdleLock::setPassword(crypto::SecureBytes password, std::function<void(Status)> done)
{
    if (password.size() < std::size_t(kMinPasswordLength)) {
        done(Error{ErrorCode::InvalidArgument,
                   tr("the password needs at least %1 characters").arg(kMinPasswordLength)});
        return;
    }
    auto pass = std::make_shared<crypto::SecureBytes>(std::move(password));
    QPointer<IdleLock> self(this);
    runInBackground(
        this,
        [pass]() -> Result<crypto::SecureBytes> {
            crypto::SecureBytes record(kRecordSize);
            const std::uint8_t header[kHeaderSize] = {kRecordVersion, kLog2N, kR, kP};
            std::copy(std::begin(header), std::end(header), record.data());
            const crypto::SecureBytes salt = crypto::randomBytes(kSaltSize);
            std::copy(salt.span().begin(), salt.span().end(), record.data() + kHeaderSize);
            auto hash = derive(pass->span(), record.span());
            pass->clear();
            if (!hash)
                return hash.error();
            std::copy(hash->span().begin(), hash->span().end(),
                      record.data() + kHeaderSize + kSaltSize);
            return record;
        },
        [self, done = std::move(done)](Result<crypto::SecureBytes> record) {
            if (!self)
                return;
            if (!record) {
                done(record.error());
                return;
            }
            self->m_store.write(passwordKey(), std::move(record).value(), [self, done](Status st) {
                if (self && st)
                    QSettings().setValue(passwordSetKey(), true);
                done(st);
            });
        });
}

void IdleLock::clearPassword(std::function<void(Status)> done)
{
    QPointer<IdleLock> self(this);
    m_store.remove(passwordKey(), [self, done = std::move(done)](Status st) {
        if (self && st)
            QSettings().remove(passwordSetKey());
        done(st);
    });
}

} // namespace quill::ui
