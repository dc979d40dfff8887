#include "ApprovalDialog.h"

#include "AppSettings.h"
#include "ChainSecuredReviewView.h"
#include "IdleLock.h"
#include "Models.h"
#include "ReviewStyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QShowEvent>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace quill::ui {

namespace {

struct ExpiryChoice
{
    QString label;
    UnixMillis lifetime; ///< 0 = as requested
};

} // namespace

ApprovalDialog::ApprovalDialog(requests::RequestBroker &broker, const vault::WalletVault &wallets,
                               const requests::Clock &clock, quint64 requestId, QWidget *parent)
    : QDialog(parent), m_broker(broker), m_wallets(wallets), m_clock(clock), m_id(requestId)
{
    setObjectName(QStringLiteral("approvalDialog"));
    setWindowTitle(tr("Session request")); // Qt adds " — Quill" (applicationDisplayName)
    setAccessibleName(tr("Session request approval"));
    setMinimumWidth(480);
    resize(kPreferredSize);
    const auto *pending = broker.pending(requestId);
    const auto app = pending ? pending->incoming.app : requests::AppIdentity{};

    // Everything above the buttons scrolls, so that on a small screen (1366×768, issue 11)
    // the dialog shrinks to the screen and Reject/Approve stay visible below.
    auto *outer = new QVBoxLayout(this);
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("reviewScrollArea"));
    m_scroll->setAccessibleName(tr("Request details"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *content = new QWidget(m_scroll);
    content->setObjectName(QStringLiteral("reviewContent"));
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    m_scroll->setWidget(content);
    outer->addWidget(m_scroll, 1);

    // Who asks: the claim, then the facts the transport established.
    m_appLabel = new QLabel(this);
    m_appLabel->setObjectName(QStringLiteral("appLabel"));
    m_appLabel->setTextFormat(Qt::PlainText);
    m_appLabel->setText(tr("“%1” asks for a Lit session").arg(app.claimedName.isEmpty() ? app.appId : app.claimedName));
    QFont big = m_appLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_appLabel->setFont(big);
    m_appLabel->setAccessibleName(tr("Requesting app"));
    layout->addWidget(m_appLabel);

    QStringList facts;
    facts << tr("Name as claimed by the app (not verified)");
    if (!app.transport.isEmpty())
        facts << tr("via %1").arg(app.transport);
    if (!app.origin.isEmpty())
        facts << tr("Origin %1 (set by browsers; any local program can claim one)").arg(app.origin);
    if (app.pid > 0)
        facts << tr("process %1").arg(app.pid);
    if (!app.executable.isEmpty())
        facts << app.executable;
    facts << (app.paired ? tr("paired") : tr("not paired"));
    m_factsLabel = new QLabel(facts.join(QStringLiteral(" · ")), this);
    m_factsLabel->setObjectName(QStringLiteral("factsLabel"));
    m_factsLabel->setTextFormat(Qt::PlainText);
    m_factsLabel->setWordWrap(true);
    m_factsLabel->setAccessibleName(tr("Facts about the app"));
    layout->addWidget(m_factsLabel);

    // Warnings first.
    m_warningsBox = new QWidget(this);
    m_warningsBox->setObjectName(QStringLiteral("warningsBox"));
    m_warningsLayout = new QVBoxLayout(m_warningsBox);
    m_warningsLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_warningsBox);
    m_acknowledge = new QCheckBox(tr("I understand the dangers above and still want to approve"), this);
    m_acknowledge->setObjectName(QStringLiteral("acknowledgeCheck"));
    m_acknowledge->setAccessibleName(tr("Acknowledge danger warnings"));
    layout->addWidget(m_acknowledge);

    auto *form = new QFormLayout;
    m_accountCombo = new QComboBox(this);
    m_accountCombo->setObjectName(QStringLiteral("accountCombo"));
    m_accountCombo->setAccessibleName(tr("Account that signs"));
    // A message the app's SDK built names its account: only that one can sign it.
    const bool appBuilt = pending && pending->incoming.kind == requests::RequestKind::SiweMessage;
    const QString owner =
        appBuilt ? QString::fromStdString(pending->incoming.siwe->message.address) : QString();
    for (const auto &a : wallets.accounts())
        if (!appBuilt || a.address.compare(owner, Qt::CaseInsensitive) == 0)
            m_accountCombo->addItem(QStringLiteral("%1 — %2").arg(a.label, a.address), a.address);
    if (appBuilt) {
        m_appLabel->setText(tr("“%1” asks you to sign a Lit session message")
                                .arg(app.claimedName.isEmpty() ? app.appId : app.claimedName));
        m_accountCombo->setToolTip(tr("The message names the account %1.").arg(owner));
    }
    auto *accountLabel = new QLabel(tr("Sign with &account:"), this);
    accountLabel->setBuddy(m_accountCombo);
    form->addRow(accountLabel, m_accountCombo);

    m_expiryCombo = new QComboBox(this);
    m_expiryCombo->setObjectName(QStringLiteral("expiryCombo"));
    m_expiryCombo->setAccessibleName(tr("Session expiry"));
    m_expiryLabel = new QLabel(this);
    m_expiryLabel->setObjectName(QStringLiteral("expiryLabel"));
    m_expiryLabel->setAccessibleName(tr("Session expires"));
    auto *expiryRow = new QHBoxLayout;
    expiryRow->addWidget(m_expiryLabel, 1);
    expiryRow->addWidget(m_expiryCombo);
    auto *expiresLabel = new QLabel(tr("&Expires:"), this);
    expiresLabel->setBuddy(m_expiryCombo);
    form->addRow(expiresLabel, expiryRow);
    // Offer only choices shorter than the request's own expiry.
    if (appBuilt) {
        m_expiryCombo->addItem(tr("As written in the message"), QVariant::fromValue<qint64>(0));
        m_expiryCombo->setEnabled(false);
    } else if (pending) {
        const auto issued = parseRfc3339(pending->plan.issuedAt);
        const auto expires = parseRfc3339(pending->plan.expiration);
        m_expiryCombo->addItem(tr("As requested"), QVariant::fromValue<qint64>(0));
        const ExpiryChoice choices[] = {{tr("15 minutes"), 15 * kMinute}, {tr("1 hour"), kHour},
                                        {tr("1 day"), kDay}, {tr("7 days"), 7 * kDay}};
        if (issued && expires)
            for (const auto &c : choices)
                if (*issued + c.lifetime < *expires)
                    m_expiryCombo->addItem(c.label, QVariant::fromValue<qint64>(c.lifetime));
    }
    // How long "Approve and remember" lasts; plain Approve is "this request only".
    m_rememberCombo = new QComboBox(this);
    m_rememberCombo->setObjectName(QStringLiteral("rememberCombo"));
    m_rememberCombo->setAccessibleName(tr("Remember this app's permission for"));
    // "This request only" first: with it, only "Approve once" applies (issue #11: the default
    // comes from Settings, 1 day unless changed there).
    const ExpiryChoice rememberChoices[] = {{tr("This request only"), 0},
                                            {tr("1 hour"), requests::kRememberChoices[0]},
                                            {tr("1 day"), requests::kRememberChoices[1]},
                                            {tr("7 days"), requests::kRememberChoices[2]},
                                            {tr("30 days"), requests::kRememberChoices[3]}};
    for (const auto &c : rememberChoices)
        m_rememberCombo->addItem(c.label, QVariant::fromValue<qint64>(c.lifetime));
    const int rememberDefault =
        m_rememberCombo->findData(QVariant::fromValue<qint64>(AppSettings::load().rememberFor));
    m_rememberCombo->setCurrentIndex(rememberDefault >= 0 ? rememberDefault : 2); // 1 day
    m_rememberCombo->setToolTip(tr("With “Approve and remember”, later requests of this app for the same account and "
                                   "capabilities are signed without asking until then."));
    auto *rememberLabel = new QLabel(tr("Remember &for:"), this);
    rememberLabel->setBuddy(m_rememberCombo);
    form->addRow(rememberLabel, m_rememberCombo);
    layout->addLayout(form);

    auto *capsBox = new QGroupBox(tr("This app will be able to"), this);
    auto *capsLayout = new QVBoxLayout(capsBox);
    m_capabilities = new QTableWidget(0, 3, capsBox);
    m_capabilities->setObjectName(QStringLiteral("capabilityTable"));
    m_capabilities->setAccessibleName(tr("Requested capabilities"));
    m_capabilities->setHorizontalHeaderLabels({tr("What"), tr("Resource"), tr("Lit ability")});
    m_capabilities->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_capabilities->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_capabilities->setTextElideMode(Qt::ElideMiddle);
    m_capabilities->setWordWrap(false);
    m_capabilities->verticalHeader()->hide();
    m_capabilities->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_capabilities->setSelectionBehavior(QAbstractItemView::SelectRows);
    capsLayout->addWidget(m_capabilities);
    layout->addWidget(capsBox);

    auto *siweBox = new QGroupBox(tr("Exact message you sign (EIP-4361)"), this);
    auto *siweLayout = new QVBoxLayout(siweBox);
    m_siweText = new QPlainTextEdit(siweBox);
    m_siweText->setObjectName(QStringLiteral("siweText"));
    m_siweText->setAccessibleName(tr("Message to be signed"));
    m_siweText->setReadOnly(true);
    m_siweText->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_siweText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_siweText->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_siweText->setMinimumHeight(120);
    siweLayout->addWidget(m_siweText);
    layout->addWidget(siweBox, 1);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #dc2626; }"));
    m_error->hide();
    outer->addWidget(m_error);

    m_chainSecured = pending && pending->incoming.kind == requests::RequestKind::ChainSecured;
    if (m_chainSecured) {
        // The ChainSecured view shows who asks, warnings and what is signed; the session
        // parts of this dialog do not apply.
        setWindowTitle(tr("Lit ChainSecured authorization")); // Qt adds " — Quill"
        setAccessibleName(tr("Lit ChainSecured authorization approval"));
        m_chainSecuredView = new ChainSecuredReviewView(this);
        layout->insertWidget(layout->indexOf(capsBox), m_chainSecuredView, 1);
        for (QWidget *w : std::initializer_list<QWidget *>{
                 m_appLabel, m_factsLabel, m_warningsBox, m_acknowledge, expiresLabel,
                 m_expiryLabel, m_expiryCombo, rememberLabel, m_rememberCombo, capsBox, siweBox})
            w->hide();
        connect(m_chainSecuredView, &ChainSecuredReviewView::approvableChanged, this,
                &ApprovalDialog::updateApproveEnabled);
    }

    auto *buttons = new QHBoxLayout;
    m_countdown = new QLabel(this);
    m_countdown->setObjectName(QStringLiteral("countdownLabel"));
    m_countdown->setAccessibleName(tr("Time left to answer"));
    buttons->addWidget(m_countdown, 1);
    m_reject = new QPushButton(tr("&Reject"), this);
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    m_reject->setAccessibleName(tr("Reject"));
    m_approve = new QPushButton(tr("Approve &once"), this);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_approve->setAccessibleName(tr("Approve once"));
    m_approve->setAutoDefault(false);
    m_approveRemember = new QPushButton(tr("Approve and re&member"), this);
    m_approveRemember->setObjectName(QStringLiteral("approveRememberButton"));
    m_approveRemember->setAccessibleName(tr("Approve and remember"));
    m_approveRemember->setAutoDefault(false);
    m_reject->setDefault(true);
    buttons->addWidget(m_reject);
    buttons->addWidget(m_approve);
    buttons->addWidget(m_approveRemember);
    outer->addLayout(buttons);
    if (m_chainSecured)
        m_approveRemember->hide(); // a one-off, never remembered

    connect(m_reject, &QPushButton::clicked, this, &ApprovalDialog::reject);
    connect(m_approve, &QPushButton::clicked, this, [this] { approve(false); });
    connect(m_approveRemember, &QPushButton::clicked, this, [this] { approve(true); });
    connect(m_acknowledge, &QCheckBox::toggled, this, &ApprovalDialog::updateApproveEnabled);
    connect(m_accountCombo, &QComboBox::currentIndexChanged, this, &ApprovalDialog::refreshReview);
    connect(m_expiryCombo, &QComboBox::currentIndexChanged, this, &ApprovalDialog::refreshReview);
    connect(m_rememberCombo, &QComboBox::currentIndexChanged, this,
            &ApprovalDialog::updateApproveEnabled);
    connect(&broker, &requests::RequestBroker::requestFinished, this, [this](quint64 id, requests::Decision) {
        if (id == m_id) {
            m_answered = true;
            done(QDialog::Accepted);
        }
    });
    m_timer = new QTimer(this);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &ApprovalDialog::updateCountdown);
    m_timer->start();

    setTabOrder(m_accountCombo, m_expiryCombo);
    setTabOrder(m_expiryCombo, m_rememberCombo);
    setTabOrder(m_rememberCombo, m_capabilities);
    setTabOrder(m_capabilities, m_siweText);
    setTabOrder(m_siweText, m_acknowledge);
    setTabOrder(m_acknowledge, m_reject);
    setTabOrder(m_reject, m_approve);
    setTabOrder(m_approve, m_approveRemember);

    refreshReview();
    updateCountdown();
    m_reject->setFocus();
}

void ApprovalDialog::fitToScreen()
{
    const QScreen *screen = parentWidget() ? parentWidget()->screen() : this->screen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    // The frame (title bar, borders) is the window manager's and not known before the
    // first show: leave room for a generous one, then correct with the real frame below.
    QMargins frame = frameGeometry().isValid() && isVisible()
                         ? QMargins(geometry().left() - frameGeometry().left(),
                                    geometry().top() - frameGeometry().top(),
                                    frameGeometry().right() - geometry().right(),
                                    frameGeometry().bottom() - geometry().bottom())
                         : QMargins();
    if (frame.isNull())
        frame = QMargins(kFrameGuess, kFrameGuess * 4, kFrameGuess, kFrameGuess);
    const QSize room = available.marginsRemoved(frame).size();
    const QSize size = kPreferredSize.boundedTo(room).expandedTo(minimumSizeHint().boundedTo(room));
    resize(size);
    // Centred on the screen's free area, the frame inside it.
    const QRect outer = QRect(QPoint(0, 0), size).marginsAdded(frame);
    QPoint topLeft = available.center() - outer.center();
    topLeft.setX(qBound(available.left(), topLeft.x(), available.right() - outer.width() + 1));
    topLeft.setY(qBound(available.top(), topLeft.y(), available.bottom() - outer.height() + 1));
    move(topLeft);
}

void ApprovalDialog::showEvent(QShowEvent *event)
{
    if (!event->spontaneous() && !m_fitted) {
        m_fitted = true;
        fitToScreen();
    }
    QDialog::showEvent(event);
}

std::optional<std::string> ApprovalDialog::chosenExpiration() const
{
    const qint64 lifetime = m_expiryCombo->currentData().toLongLong();
    const auto *pending = m_broker.pending(m_id);
    if (lifetime <= 0 || !pending)
        return std::nullopt;
    const auto issued = parseRfc3339(pending->plan.issuedAt);
    if (!issued)
        return std::nullopt;
    return formatIso(*issued + lifetime);
}

void ApprovalDialog::refreshReview()
{
    if (m_chainSecured) {
        refreshChainSecuredReview();
        return;
    }
    const QString account = m_accountCombo->currentData().toString();
    auto review = m_broker.review(m_id, account, chosenExpiration());
    // Rebuild the warnings.
    while (auto *item = m_warningsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_capabilities->setRowCount(0);
    m_reviewOk = review.ok();
    if (!review) {
        m_siweText->clear();
        const auto *pending = m_broker.pending(m_id);
        const bool appBuilt =
            pending && pending->incoming.kind == requests::RequestKind::SiweMessage;
        if (account.isEmpty() && appBuilt)
            m_error->setText(
                tr("The message is for %1, which is not one of your accounts in Quill.")
                    .arg(QString::fromStdString(pending->incoming.siwe->message.address)));
        else
            m_error->setText(account.isEmpty()
                                 ? tr("No account to sign with: import or create one first.")
                                 : describeTranslated(review.error()));
        m_error->show();
        m_hasDanger = true;
        m_acknowledge->hide();
        m_approve->setEnabled(false);
        m_approveRemember->setEnabled(false);
        return;
    }
    m_error->hide();
    m_hasDanger = review->hasDanger();
    int n = 0;
    for (const auto &w : review->warnings) {
        auto *label = new QLabel(severityName(w.severity) + QStringLiteral(": ") + w.text, m_warningsBox);
        label->setObjectName(QStringLiteral("warning_") + w.code);
        label->setAccessibleName(severityName(w.severity) + QStringLiteral(": ") + w.text);
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setStyleSheet(severityStyle(w.severity));
        m_warningsLayout->addWidget(label);
        ++n;
    }
    m_warningsBox->setVisible(n > 0);
    m_acknowledge->setVisible(m_hasDanger);
    for (const auto &row : review->rows) {
        const int r = m_capabilities->rowCount();
        m_capabilities->insertRow(r);
        m_capabilities->setItem(r, 0, new QTableWidgetItem(row.text));
        m_capabilities->setItem(r, 1, new QTableWidgetItem(row.resourceKey));
        m_capabilities->setItem(r, 2, new QTableWidgetItem(row.ability));
        m_capabilities->item(r, 1)->setToolTip(row.resourceKey);
    }
    m_capabilities->resizeRowsToContents();
    // Fit the table to its rows (up to a limit) so the message below gets the space.
    int height = m_capabilities->horizontalHeader()->height() + 2 * m_capabilities->frameWidth() + 2;
    for (int r = 0; r < m_capabilities->rowCount(); ++r)
        height += m_capabilities->rowHeight(r);
    m_capabilities->setFixedHeight(qMin(height, 220));
    m_siweText->setPlainText(QString::fromStdString(review->siweText));
    const auto expires = parseRfc3339(review->expiration.toStdString());
    if (expires)
        m_expiryLabel->setText(QStringLiteral("%1 — %2").arg(
            describeRemaining(*expires - m_clock.now()),
            QDateTime::fromMSecsSinceEpoch(*expires).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t"))));
    updateApproveEnabled();
}

void ApprovalDialog::refreshChainSecuredReview()
{
    const QString account = m_accountCombo->currentData().toString();
    auto review = m_broker.reviewChainSecured(m_id, account);
    m_reviewOk = review.ok();
    if (!review) {
        m_error->setText(account.isEmpty()
                             ? tr("No account to sign with: import or create one first.")
                             : describeTranslated(review.error()));
        m_error->show();
        updateApproveEnabled();
        return;
    }
    m_error->hide();
    const auto *pending = m_broker.pending(m_id);
    m_chainSecuredView->setReview(*review,
                                  pending ? pending->incoming.app : requests::AppIdentity{});
    updateApproveEnabled();
}

void ApprovalDialog::updateApproveEnabled()
{
    if (m_chainSecured) {
        m_approve->setEnabled(m_reviewOk && m_accountCombo->count() > 0 &&
                              m_chainSecuredView->approvable());
        m_approveRemember->setEnabled(false);
        return;
    }
    const bool enabled = m_reviewOk && m_accountCombo->count() > 0 && (!m_hasDanger || m_acknowledge->isChecked());
    m_approve->setEnabled(enabled);
    // "This request only" leaves nothing to remember.
    m_approveRemember->setEnabled(enabled && m_rememberCombo->currentData().toLongLong() > 0);
}

void ApprovalDialog::updateCountdown()
{
    const auto *pending = m_broker.pending(m_id);
    if (!pending) {
        m_countdown->setText(tr("This request is no longer pending."));
        return;
    }
    m_countdown->setText(pending->executing ? tr("Signing…")
                                            : tr("Answer needed %1").arg(describeRemaining(pending->deadline - m_clock.now())));
}

void ApprovalDialog::approve(bool remember)
{
    if (!m_approve->isEnabled() || (remember && !m_approveRemember->isEnabled()))
        return;
    if (!m_lock) {
        approveUnlocked(remember);
        return;
    }
    QPointer<ApprovalDialog> self(this);
    m_lock->ensureUnlocked(
        this, m_chainSecured ? tr("approve this authorization") : tr("approve this request"),
        [self, remember] {
            if (self)
                self->approveUnlocked(remember);
        });
}

void ApprovalDialog::approveUnlocked(bool remember)
{
    if (!m_approve->isEnabled() || !m_broker.pending(m_id))
        return;
    requests::ApprovalScope scope{m_accountCombo->currentData().toString(), remember, chosenExpiration(),
                                  m_rememberCombo->currentData().toLongLong()};
    auto st = m_broker.approve(m_id, scope);
    if (!st) {
        m_error->setText(describeTranslated(st.error()));
        m_error->show();
        return;
    }
    m_approve->setEnabled(false);
    m_approveRemember->setEnabled(false);
    m_reject->setEnabled(false);
    m_countdown->setText(tr("Signing…"));
}

void ApprovalDialog::reject()
{
    if (!m_answered && m_broker.pending(m_id) && !m_broker.pending(m_id)->executing) {
        m_answered = true;
        (void)m_broker.reject(m_id);
    }
    QDialog::reject();
}

} // namespace quill::ui
