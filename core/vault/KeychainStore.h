#pragma once

#include "vault/SecretStore.h"

namespace QKeychain {
class Job;
}

namespace quill::vault {

/// SecretStore over the OS keychain through QtKeychain (Secret Service on Linux, service
/// "quill"). The one file that calls QtKeychain. QtKeychain's insecure fallback (which
/// writes secrets in plain text to ~/.config) is never enabled: without a keychain every
/// call fails with KeychainUnavailable and nothing is persisted.
///
/// A call that gets no answer within noticeAfter() (a locked keyring, a prompt) makes the
/// store emit waitingForUser(true); one that gets none within timeout() fails with
/// KeychainTimeout (its late answer is ignored). The timeout is 60 s, or the value of
/// QUILL_KEYCHAIN_TIMEOUT_MS.
class KeychainStore final : public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainStore(QString service = QStringLiteral("quill"), QObject *parent = nullptr);

    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, crypto::SecureBytes value, DoneCallback done) override;
    void remove(const QString &key, DoneCallback done) override;
    /// QtKeychain 0.13 has no availability query: reads a key that does not exist and
    /// treats "entry not found" as available.
    void probe(DoneCallback done) override;

    static constexpr int kNoticeAfterMs = 1000;
    int timeoutMs() const { return m_timeoutMs; }

private:
    template <typename JobResult>
    void run(QKeychain::Job *job, std::function<void(Result<JobResult>)> done,
             std::function<Result<JobResult>(QKeychain::Job *)> onFinished);
    void jobStarted();
    void jobEnded();

    QString m_service;
    int m_timeoutMs;
    int m_outstanding = 0;
    bool m_waiting = false;
};

} // namespace quill::vault
