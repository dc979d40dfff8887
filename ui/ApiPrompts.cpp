#include "ApiPrompts.h"

#include "IdleLock.h"

#include <QCheckBox>
#include <QDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

#include <memory>

namespace quill::ui {

namespace {

QLabel *plain(const QString &text, QWidget *parent, const char *name)
{
    auto *l = new QLabel(text, parent);
    l->setTextFormat(Qt::PlainText);
    l->setWordWrap(true);
    l->setObjectName(QString::fromLatin1(name));
    l->setAccessibleName(text);
    return l;
}

/// Refuse (default, Esc) and a positive button, which passes the idle lock (if any) first.
std::pair<QPushButton *, QPushButton *> buttons(QDialog *d, QVBoxLayout *layout, const QString &yes,
                                                IdleLock *lock, const QString &action)
{
    auto *row = new QHBoxLayout;
    row->addStretch();
    auto *refuse = new QPushButton(QObject::tr("&Refuse"), d);
    refuse->setObjectName(QStringLiteral("refuseButton"));
    refuse->setAccessibleName(QObject::tr("Refuse"));
    refuse->setDefault(true);
    auto *accept = new QPushButton(yes, d);
    accept->setObjectName(QStringLiteral("acceptButton"));
    accept->setAccessibleName(QString(yes).remove(QLatin1Char('&')));
    accept->setAutoDefault(false);
    row->addWidget(refuse);
    row->addWidget(accept);
    layout->addLayout(row);
    QObject::connect(refuse, &QPushButton::clicked, d, &QDialog::reject);
    QObject::connect(accept, &QPushButton::clicked, d, [d, lock, action] {
        if (!lock) {
            d->accept();
            return;
        }
        QPointer<QDialog> dialog(d);
        lock->ensureUnlocked(d, action, [dialog] {
            if (dialog)
                dialog->accept();
        });
    });
    return {refuse, accept};
}

} // namespace

QString describeFacts(const api::PeerFacts &peer)
{
    QStringList facts;
    facts << (peer.transport == api::Transport::LocalSocket ? QObject::tr("local socket") : QObject::tr("loopback WebSocket"));
    if (!peer.origin.isEmpty())
        facts << QObject::tr("Origin %1 (set by browsers; any local program can claim one)")
                     .arg(peer.origin);
    if (peer.pid > 0)
        facts << QObject::tr("process %1").arg(peer.pid);
    if (!peer.executable.isEmpty())
        facts << peer.executable;
    return facts.join(QStringLiteral(" · "));
}

ApiPrompts::ApiPrompts(const vault::WalletVault &wallets, QWidget *parentWindow)
    : QObject(parentWindow), m_wallets(wallets), m_parent(parentWindow)
{
}

void ApiPrompts::requestPairing(const api::PairingRequest &request, PairingApprover::Decision decide)
{
    auto *d = new QDialog(m_parent);
    d->setObjectName(QStringLiteral("pairingDialog"));
    d->setWindowTitle(tr("Pair a new app?"));
    d->setAccessibleName(tr("Pair a new app"));
    d->setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(d);
    layout->addWidget(plain(tr("An app on this computer asks to connect to Quill. Once paired it can ask for Lit "
                               "sessions; every request still needs your approval."), d, "introLabel"));
    auto *form = new QFormLayout;
    form->addRow(tr("It calls itself:"), plain(request.claimedName, d, "claimedNameLabel"));
    if (!request.description.isEmpty())
        form->addRow(tr("Description (claim):"), plain(request.description, d, "descriptionLabel"));
    if (!request.url.isEmpty())
        form->addRow(tr("URL (claim):"), plain(request.url, d, "urlLabel"));
    form->addRow(tr("Facts:"), plain(describeFacts(request.peer), d, "factsLabel"));
    auto *name = new QLineEdit(request.claimedName, d);
    name->setObjectName(QStringLiteral("nameEdit"));
    name->setAccessibleName(tr("Name for this app"));
    name->setMaxLength(64);
    auto *nameLabel = new QLabel(tr("&Name it:"), d);
    nameLabel->setBuddy(name);
    form->addRow(nameLabel, name);
    layout->addLayout(form);
    auto [refuse, accept] = buttons(d, layout, tr("&Pair"), m_lock, tr("pair this app"));
    auto shared = std::make_shared<PairingApprover::Decision>(std::move(decide));
    const quint64 id = request.id;
    connect(d, &QDialog::finished, this, [this, d, shared, name, id](int result) {
        m_pairing.erase(id);
        if (!*shared)
            return;
        auto decision = std::move(*shared);
        *shared = nullptr;
        decision(result == QDialog::Accepted ? std::optional<QString>(name->text().trimmed()) : std::nullopt);
        (void)d;
    });
    m_pairing[id] = d;
    refuse->setFocus();
    d->show();
    d->raise();
    d->activateWindow();
    Q_EMIT promptShown(d);
}

void ApiPrompts::cancelPairing(quint64 id)
{
    auto it = m_pairing.find(id);
    if (it == m_pairing.end())
        return;
    QPointer<QDialog> d = it->second;
    m_pairing.erase(it);
    if (d) {
        d->setProperty("cancelled", true);
        d->reject(); // the decision callback is ignored by the server after a cancel
    }
}

void ApiPrompts::requestAccounts(const api::AccountsRequest &request, AccountsApprover::Decision decide)
{
    auto *d = new QDialog(m_parent);
    d->setObjectName(QStringLiteral("accountsDialog"));
    d->setWindowTitle(tr("Share account addresses?"));
    d->setAccessibleName(tr("Share account addresses"));
    d->setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(d);
    layout->addWidget(plain(tr("“%1” asks which of your accounts it may see. Only the addresses you tick are shared.")
                                .arg(request.appName),
                            d, "introLabel"));
    layout->addWidget(plain(describeFacts(request.peer), d, "factsLabel"));
    QList<QCheckBox *> boxes;
    for (const auto &a : m_wallets.accounts()) {
        auto *box = new QCheckBox(QStringLiteral("%1 — %2").arg(a.label, a.address), d);
        box->setObjectName(QStringLiteral("accountCheck_") + a.address);
        box->setAccessibleName(a.label + QStringLiteral(" ") + a.address);
        box->setProperty("address", a.address);
        layout->addWidget(box);
        boxes << box;
    }
    auto [refuse, accept] = buttons(d, layout, tr("&Share"), m_lock, tr("share these addresses"));
    auto shared = std::make_shared<AccountsApprover::Decision>(std::move(decide));
    const quint64 id = request.id;
    connect(d, &QDialog::finished, this, [this, shared, boxes, id](int result) {
        m_accounts.erase(id);
        if (!*shared)
            return;
        auto decision = std::move(*shared);
        *shared = nullptr;
        if (result != QDialog::Accepted) {
            decision(std::nullopt);
            return;
        }
        QStringList chosen;
        for (auto *b : boxes)
            if (b->isChecked())
                chosen << b->property("address").toString();
        decision(chosen);
    });
    m_accounts[id] = d;
    refuse->setFocus();
    d->show();
    d->raise();
    Q_EMIT promptShown(d);
}

void ApiPrompts::cancelAccounts(quint64 id)
{
    auto it = m_accounts.find(id);
    if (it == m_accounts.end())
        return;
    QPointer<QDialog> d = it->second;
    m_accounts.erase(it);
    if (d)
        d->reject();
}

} // namespace quill::ui
