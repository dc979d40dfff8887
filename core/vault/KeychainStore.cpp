#include "vault/KeychainStore.h"

#include <qt6keychain/keychain.h>

#include <openssl/crypto.h>

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
        return Error{ErrorCode::KeychainFailure,
                     QStringLiteral("access to the keychain was denied (%1)").arg(job->errorString())};
    default:
        return Error{ErrorCode::KeychainFailure, job->errorString()};
    }
}

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
    bytes.clear();
}

} // namespace

KeychainStore::KeychainStore(QString service, QObject *parent)
    : SecretStore(parent), m_service(std::move(service))
{
}

void KeychainStore::read(const QString &key, ReadCallback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError) {
            done(toError(j));
            return;
        }
        auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(j);
        QByteArray data = readJob->binaryData();
        crypto::SecureBytes secret(
            std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t *>(data.constData()), size_t(data.size())));
        wipe(data);
        done(std::move(secret));
    });
    job->start();
}

void KeychainStore::write(const QString &key, crypto::SecureBytes value, DoneCallback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    QByteArray data(reinterpret_cast<const char *>(value.data()), qsizetype(value.size()));
    value.clear();
    job->setBinaryData(data);
    wipe(data);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError)
            done(toError(j));
        else
            done(okStatus());
    });
    job->start();
}

void KeychainStore::remove(const QString &key, DoneCallback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError)
            done(toError(j));
        else
            done(okStatus());
    });
    job->start();
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
