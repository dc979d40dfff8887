#pragma once

#include "requests/AppIdentity.h"
#include "requests/ChainSecuredReview.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QVBoxLayout;

namespace quill::ui {

/// Shows a Lit Chipotle ChainSecured authorization as the user must read it before the
/// wallet signs (issue #15): who asks (claim vs facts), what the signature lets its holder
/// do, the chain by name and id, the account, "valid for 5 minutes; anyone who obtains it can
/// repeat this action in that time", warnings, and the exact typed data. A danger warning
/// must be acknowledged before approvable() turns true. The hosting dialog owns the buttons
/// and the decision; this view never signs.
class ChainSecuredReviewView : public QWidget
{
    Q_OBJECT
public:
    explicit ChainSecuredReviewView(QWidget *parent = nullptr);

    /// Replaces what is shown (and clears the acknowledgement).
    void setReview(const requests::ChainSecuredReview &review, const requests::AppIdentity &app);

    /// True once a review is shown and every danger warning is acknowledged.
    bool approvable() const;

Q_SIGNALS:
    void approvableChanged(bool approvable);

private:
    void refreshApprovable();

    bool m_hasReview = false;
    bool m_hasDanger = false;
    bool m_lastApprovable = false;
    QLabel *m_appLabel;
    QLabel *m_factsLabel;
    QWidget *m_warningsBox;
    QVBoxLayout *m_warningsLayout;
    QCheckBox *m_acknowledge;
    QLabel *m_action;
    QLabel *m_chain;
    QLabel *m_account;
    QLabel *m_validity;
    QPlainTextEdit *m_typedData;
};

} // namespace quill::ui
