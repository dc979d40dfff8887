#pragma once

#include "api/AccountsApprover.h"
#include "api/PairingApprover.h"
#include "vault/WalletVault.h"

#include <QObject>
#include <QPointer>

#include <map>

class QDialog;
class QWidget;

namespace quill::ui {

class IdleLock;

/// The user's side of the local API's prompts: pairing an unknown app (claims shown as
/// claims, transport facts as facts, the name editable) and revealing account addresses to
/// a paired app. Refuse is the default and Esc refuses; an app that disconnects closes its
/// prompt.
class ApiPrompts : public QObject, public api::PairingApprover, public api::AccountsApprover
{
    Q_OBJECT
public:
    ApiPrompts(const vault::WalletVault &wallets, QWidget *parentWindow);

    /// The idle lock to pass before Pair or Share (issue #11); null: none.
    void setIdleLock(IdleLock *lock) { m_lock = lock; }

    void requestPairing(const api::PairingRequest &request, PairingApprover::Decision decide) override;
    void cancelPairing(quint64 id) override;
    void requestAccounts(const api::AccountsRequest &request, AccountsApprover::Decision decide) override;
    void cancelAccounts(quint64 id) override;

Q_SIGNALS:
    /// A prompt was opened (tests and the tray use it).
    void promptShown(QDialog *dialog);

private:
    const vault::WalletVault &m_wallets;
    QWidget *m_parent;
    IdleLock *m_lock = nullptr;
    std::map<quint64, QPointer<QDialog>> m_pairing;
    std::map<quint64, QPointer<QDialog>> m_accounts;
};

/// Human-readable transport facts ("local socket · process 1234 · /usr/bin/node").
QString describeFacts(const api::PeerFacts &peer);

} // namespace quill::ui
