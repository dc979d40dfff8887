#include "ChainSecuredReviewView.h"

#include "ReviewStyle.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace quill::ui {

namespace {

QLabel *plainLabel(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setTextFormat(Qt::PlainText); // every string here may come from an app
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ChainSecuredReviewView::ChainSecuredReviewView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("chainSecuredReview"));
    setAccessibleName(tr("Lit ChainSecured authorization"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_appLabel = plainLabel(QStringLiteral("chainSecuredAppLabel"), tr("Requesting app"), this);
    QFont big = m_appLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_appLabel->setFont(big);
    layout->addWidget(m_appLabel);
    m_factsLabel =
        plainLabel(QStringLiteral("chainSecuredFactsLabel"), tr("Facts about the app"), this);
    layout->addWidget(m_factsLabel);

    m_warningsBox = new QWidget(this);
    m_warningsBox->setObjectName(QStringLiteral("chainSecuredWarnings"));
    m_warningsLayout = new QVBoxLayout(m_warningsBox);
    m_warningsLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_warningsBox);
    m_acknowledge =
        new QCheckBox(tr("I understand the dangers above and still want to approve"), this);
    m_acknowledge->setObjectName(QStringLiteral("chainSecuredAcknowledge"));
    m_acknowledge->setAccessibleName(tr("Acknowledge danger warnings"));
    connect(m_acknowledge, &QCheckBox::toggled, this, &ChainSecuredReviewView::refreshApprovable);
    layout->addWidget(m_acknowledge);

    auto *form = new QFormLayout;
    m_action = plainLabel(QStringLiteral("actionLabel"), tr("What the signature allows"), this);
    QFont bold = m_action->font();
    bold.setBold(true);
    m_action->setFont(bold);
    form->addRow(tr("Allows:"), m_action);
    m_chain = plainLabel(QStringLiteral("chainLabel"), tr("Chain"), this);
    form->addRow(tr("Chain:"), m_chain);
    m_account = plainLabel(QStringLiteral("accountLabel"), tr("Account that signs"), this);
    form->addRow(tr("Account:"), m_account);
    m_validity =
        plainLabel(QStringLiteral("validityLabel"), tr("How long the signature is valid"), this);
    form->addRow(tr("Valid:"), m_validity);
    layout->addLayout(form);

    auto *typedLabel = new QLabel(tr("Exact data to be signed (EIP-712):"), this);
    layout->addWidget(typedLabel);
    m_typedData = new QPlainTextEdit(this);
    m_typedData->setObjectName(QStringLiteral("typedDataText"));
    m_typedData->setAccessibleName(tr("Exact typed data to be signed"));
    m_typedData->setReadOnly(true);
    m_typedData->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    typedLabel->setBuddy(m_typedData);
    layout->addWidget(m_typedData, 1);
    refreshApprovable();
}

void ChainSecuredReviewView::setReview(const requests::ChainSecuredReview &review,
                                       const requests::AppIdentity &app)
{
    const QString who = app.claimedName.isEmpty() ? app.appId : app.claimedName;
    m_appLabel->setText(tr("“%1” asks your wallet to authorize a Lit action").arg(who));
    QStringList facts;
    facts << tr("Name as claimed by the app (not verified)");
    if (!app.transport.isEmpty())
        facts << tr("via %1").arg(app.transport);
    if (!app.origin.isEmpty())
        facts << tr("origin %1").arg(app.origin);
    if (app.pid > 0)
        facts << tr("process %1").arg(app.pid);
    if (!app.executable.isEmpty())
        facts << app.executable;
    facts << (app.paired ? tr("paired") : tr("not paired"));
    m_factsLabel->setText(facts.join(QStringLiteral(" · ")));

    while (auto *item = m_warningsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_hasDanger = false;
    for (const auto &w : review.warnings) {
        auto *label =
            plainLabel(QStringLiteral("warning_") + w.code,
                       severityName(w.severity) + QStringLiteral(": ") + w.text, m_warningsBox);
        label->setText(severityName(w.severity) + QStringLiteral(": ") + w.text);
        label->setStyleSheet(severityStyle(w.severity));
        m_warningsLayout->addWidget(label);
        m_hasDanger = m_hasDanger || w.severity == requests::Severity::Danger;
    }
    m_warningsBox->setVisible(!review.warnings.isEmpty());
    m_acknowledge->setChecked(false);
    m_acknowledge->setVisible(m_hasDanger);

    m_action->setText(review.action);
    m_chain->setText(review.chain);
    m_account->setText(review.account);
    m_validity->setText(review.validity);
    // Byte for byte what is signed (a JSON re-indenter would sort the keys).
    m_typedData->setPlainText(QString::fromStdString(review.typedDataJson));
    m_hasReview = true;
    refreshApprovable();
}

bool ChainSecuredReviewView::approvable() const
{
    return m_hasReview && (!m_hasDanger || m_acknowledge->isChecked());
}

void ChainSecuredReviewView::refreshApprovable()
{
    const bool now = approvable();
    if (now != m_lastApprovable) {
        m_lastApprovable = now;
        Q_EMIT approvableChanged(now);
    }
}

} // namespace quill::ui
