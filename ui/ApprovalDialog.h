#pragma once

#include "requests/RequestBroker.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QTableWidget;
class QVBoxLayout;
class QTimer;

namespace quill::ui {

class ChainSecuredReviewView;
class IdleLock;

/// Shows one pending request as the user must see it before deciding: who asks (claim vs
/// facts), which account signs, what it allows in plain words, warnings (danger warnings
/// must be acknowledged before Approve is enabled), the expiry (can be shortened), the exact
/// SIWE text, and the time left. Reject is the default button and Esc rejects.
class ApprovalDialog : public QDialog
{
    Q_OBJECT
public:
    ApprovalDialog(requests::RequestBroker &broker, const vault::WalletVault &wallets,
                   const requests::Clock &clock, quint64 requestId, QWidget *parent = nullptr);

    quint64 requestId() const { return m_id; }
    /// The idle lock to pass before Approve (issue #11); null: none.
    void setIdleLock(IdleLock *lock) { m_lock = lock; }
    /// Sizes the dialog to at most its preferred 820×760 and to the free area of its screen
    /// (panels excluded), frame included, and centres it there. Done on the first show.
    void fitToScreen();

public Q_SLOTS:
    /// Esc and the Reject button.
    void reject() override;

protected:
    void showEvent(QShowEvent *event) override;

private:
    static constexpr QSize kPreferredSize{820, 760};
    /// Room left for a window frame not yet known (per side; the title bar gets 4×).
    static constexpr int kFrameGuess = 10;

    void refreshReview();
    void refreshChainSecuredReview();
    void updateApproveEnabled();
    void updateCountdown();
    void approve(bool remember);
    /// Approves once the idle lock (if any) is passed.
    void approveUnlocked(bool remember);
    std::optional<std::string> chosenExpiration() const;

    requests::RequestBroker &m_broker;
    const vault::WalletVault &m_wallets;
    const requests::Clock &m_clock;
    quint64 m_id;
    bool m_hasDanger = false;
    bool m_reviewOk = false;
    bool m_answered = false;
    /// A Lit Chipotle ChainSecured request (issue #15): shown by m_chainSecuredView; no expiry,
    /// capabilities, SIWE text or "remember".
    bool m_chainSecured = false;
    ChainSecuredReviewView *m_chainSecuredView = nullptr;
    bool m_fitted = false;
    IdleLock *m_lock = nullptr;

    QLabel *m_appLabel;
    QLabel *m_factsLabel;
    QComboBox *m_accountCombo;
    QVBoxLayout *m_warningsLayout;
    QWidget *m_warningsBox;
    QCheckBox *m_acknowledge;
    QTableWidget *m_capabilities;
    QLabel *m_expiryLabel;
    QComboBox *m_expiryCombo;
    QComboBox *m_rememberCombo;
    QPlainTextEdit *m_siweText;
    QLabel *m_countdown;
    QLabel *m_error;
    QPushButton *m_reject;
    QPushButton *m_approve;
    QPushButton *m_approveRemember;
    QTimer *m_timer;
    QScrollArea *m_scroll;
};

} // namespace quill::ui
