#include "vault/KeychainStore.h"

#include <qt6keychain/keychain.h>

#include <sodium/utils.h>

#include <QTimer>

#include <memory>

namespace quill::vault {

namespace {

Error toError(QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::EntryNotFound:
        return Error{ErrorCode::SecretNotFound, job->key()};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Error{ErrorCode::KeychainUnavailable, QStringLiteral("no OS keychain available")};
    case QKeychain::OtherError:
        // QtKeychain 0.13 reports a missing Secret Service (no D-Bus session, no daemon,
        // no default collection) as OtherError with the D-Bus message.
        return Error{ErrorCode::KeychainUnavailable,
                     QStringLiteral("no OS keychain available (%1)").arg(job->errorString())};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        if (job->errorString().contains(QStringLiteral("locked"), Qt::CaseInsensitive))
            return Error{
                ErrorCode::KeychainFailure,
                QStringLiteral(
                    "the keyring is locked: unlock it (log in to the desktop session or open "
                    "your keyring manager) and try again (%1)")
                    .arg(job->errorString())};
        return Error{
            ErrorCode::KeychainFailure,
            QStringLiteral("access to the keychain was denied (%1)").arg(job->errorString())};
    default:
        return Error{ErrorCode::KeychainFailure, job->errorString()};
    }
}

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), size_t(bytes.size()));
    bytes.clear();
}

} // namespace

KeychainStore::KeychainStore(QString service, QObject *parent)
    : SecretStore(parent), m_service(std::move(service)), m_timeoutMs(60000)
{
    bool ok = false;
    const int env = qEnvironmentVariableIntValue("QUILL_KEYCHAIN_TIMEOUT_MS", &ok);
    if (ok && env > 0)
        m_timeoutMs = env;
}

void KeychainStore::jobStarted()
{
    if (m_outstanding++ > 0)
        return;
    QTimer::singleShot(kNoticeAfterMs, this, [this] {
        if (m_outstanding > 0 && !m_waiting) {
            m_waiting = true;
            Q_EMIT waitingForUser(true);
        }
    });
}

void KeychainStore::jobEnded()
{
    if (--m_outstanding == 0 && m_waiting) {
        m_waiting = false;
        Q_EMIT waitingForUser(false);
    }
}

/// Starts `job` and answers `done` exactly once: with `onFinished(job)` when it finishes,
/// or with KeychainTimeout if it does not within the timeout.
template <typename JobResult>
void KeychainStore::run(QKeychain::Job *job, std::function<void(Result<JobResult>)> done,
                        std::function<Result<JobResult>(QKeychain::Job *)> onFinished)
{
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    auto answered = std::make_shared<bool>(false);
    auto *deadline = new QTimer(this);
    deadline->setSingleShot(true);
    jobStarted();
    auto finish = [this, answered, deadline, done](Result<JobResult> r) {
        if (*answered)
            return;
        *answered = true;
        deadline->deleteLater();
        jobEnded();
        done(std::move(r));
    };
    connect(job, &QKeychain::Job::finished, this,
            [finish, onFinished](QKeychain::Job *j) { finish(onFinished(j)); });
    connect(deadline, &QTimer::timeout, this, [this, finish] {
        finish(
            Error{ErrorCode::KeychainTimeout,
                  QStringLiteral("the keyring did not answer within %1 s; unlock it and try again")
                      .arg(m_timeoutMs / 1000)});
    });
    deadline->start(m_timeoutMs);
    job->start();
}

void KeychainStore::read(const QString &key, ReadCallback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(key);
    run<crypto::SecureBytes>(
        job, std::move(done), [](QKeychain::Job *j) -> Result<crypto::SecureBytes> {
            if (j->error() != QKeychain::NoError)
                return toError(j);
            QByteArray data = static_cast<QKeychain::ReadPasswordJob *>(j)->binaryData();
            crypto::SecureBytes secret(std::span<const std::uint8_t>(
                reinterpret_cast<const std::uint8_t *>(data.constData()), size_t(data.size())));
            wipe(data);
            return secret;
        });
}

namespace {
Status statusOf(QKeychain::Job *j)
{
    if (j->error() != QKeychain::NoError)
        return toError(j);
    return okStatus();
}
} // namespace

void KeychainStore::write(const QString &key, crypto::SecureBytes value, DoneCallback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(key);
    QByteArray data(reinterpret_cast<const char *>(value.data()), qsizetype(value.size()));
    value.clear();
    job->setBinaryData(data);
    wipe(data);
    run<Unit>(job, std::move(done), statusOf);
}

void KeychainStore::remove(const QString &key, DoneCallback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(key);
    run<Unit>(job, std::move(done), statusOf);
}

void KeychainStore::probe(DoneCallback done)
{
    read(QStringLiteral("quill-probe"), [done = std::move(done)](Result<crypto::SecureBytes> r) {
        if (r.ok() || r.error().code == ErrorCode::SecretNotFound)
            done(okStatus());
        else
            done(r.error());
    });
}

} // namespace quill::vault
