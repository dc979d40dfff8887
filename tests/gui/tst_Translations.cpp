// The German translation covers the GUI (issue #11): the main window (every tab, menus, tray),
// an approval dialog, the import, remove and API prompt dialogs are built twice, once
// without a translator and once with quill_de.qm; every user-visible string (labels,
// buttons, group boxes, tabs, table headers, menus, titles, accessible names, tool tips,
// placeholders, combo items) that is the same both times must be data or a proper noun.

#include "../AsyncWait.h"
#include "../BrokerFixture.h"
#include "../FakeClock.h"
#include "../TestData.h"

#include "ApiPrompts.h"
#include "ApprovalDialog.h"
#include "ChainSecuredReviewView.h"
#include "ImportWalletDialog.h"
#include "MainWindow.h"
#include "RemoveAccountDialog.h"
#include "api/PairingStore.h"
#include "crypto/Encoding.h"
#include "eth/Address.h"
#include "lit/ChainSecured.h"
#include "requests/ChainSecuredReview.h"
#include "vault/MemoryStore.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <map>
#include <memory>
#include <tuple>

using namespace quill;
using namespace quill::requests;
using namespace quill::test;

namespace {

/// Where each string was found ("approvalDialog/…/QLabel#appLabel text") → the string.
using Texts = std::map<QString, QString>;

/// Words that are the same in German.
const QStringList kSameInGerman = {QStringLiteral("App"), QStringLiteral("Apps"),
                                   QStringLiteral("Quill"), QStringLiteral("Status")};

/// Names the fixtures put on screen (account label, app names), longest first.
const QStringList kFixtureData = {QStringLiteral("Lit Dashboard"), QStringLiteral("Notes dApp"),
                                  QStringLiteral("Notes app"),     QStringLiteral("Test app"),
                                  QStringLiteral("notes"),         QStringLiteral("Test")};

/// Proper nouns, protocol terms and data that stay as they are inside a sentence.
const QRegularExpression kNotText(QStringLiteral(
    R"(0x[0-9a-fA-F]+|[a-z][a-z0-9+.-]*://\S*|\b(Quill|SIWE|ReCap|Lit|EIP-\d+|BIP-\d+|JSON|PKP|NFT|)"
    R"(Datil|Naga|SDK|ChainSecured|WebSocket|websocket|localhost|demo|[a-z]+(-[a-z]+)+|[0-9a-f]{4}…[0-9a-f]{4})\b)"));

/// A string a translator should have changed: some words left once data and names are gone.
bool isPhrase(const QString &text)
{
    if (kSameInGerman.contains(QString(text).remove(QLatin1Char('&'))))
        return false;
    QString rest = text;
    for (const QString &data : kFixtureData)
        rest.remove(data);
    rest.remove(kNotText);
    return rest.contains(QRegularExpression(QStringLiteral("[A-Za-z]{2,}")));
}

/// Words that may begin both the English and the German text (names, terms, data).
const QStringList kSameFirstWord = {
    QStringLiteral("App"),    QStringLiteral("Base"),  QStringLiteral("Apps"),
    QStringLiteral("Chain"),  QStringLiteral("Demo"),  QStringLiteral("Keystore"),
    QStringLiteral("Lit"),    QStringLiteral("Name"),  QStringLiteral("Notes"),
    QStringLiteral("Origin"), QStringLiteral("Quill"), QStringLiteral("Status"),
    QStringLiteral("Test"),   QStringLiteral("URL"),   QStringLiteral("optional")};

/// A translation that kept the English beginning ("Warning: Umfasst …"): the same first word.
bool startsInEnglish(const QString &english, const QString &german)
{
    static const QRegularExpression firstWord(QStringLiteral(R"(^\W*([A-Za-z]{3,})\b)"));
    const auto a = firstWord.match(QString(english).remove(QLatin1Char('&')));
    const auto b = firstWord.match(QString(german).remove(QLatin1Char('&')));
    return a.hasMatch() && b.hasMatch() && a.captured(1) == b.captured(1) &&
           !kSameFirstWord.contains(a.captured(1));
}

QString nodeName(const QObject *o)
{
    QString name = QString::fromLatin1(o->metaObject()->className());
    if (!o->objectName().isEmpty())
        name += QLatin1Char('#') + o->objectName();
    else if (o->parent())
        name += QLatin1Char('@') +
                QString::number(o->parent()->children().indexOf(const_cast<QObject *>(o)));
    return name;
}

QString pathOf(const QObject *o)
{
    QStringList parts;
    for (; o; o = o->parent())
        parts.prepend(nodeName(o));
    return parts.join(QLatin1Char('/'));
}

void put(Texts &out, const QString &where, const QString &text)
{
    if (!text.trimmed().isEmpty())
        out[where] = text;
}

void walkMenu(Texts &out, const QString &where, const QMenu *menu)
{
    if (!menu)
        return;
    put(out, where + QStringLiteral(" title"), menu->title());
    const auto actions = menu->actions();
    for (int i = 0; i < actions.size(); ++i) {
        const QString at = where + QStringLiteral(" action") + QString::number(i);
        put(out, at, actions[i]->text());
        put(out, at + QStringLiteral(" tip"),
            actions[i]->toolTip() == actions[i]->text().remove(QLatin1Char('&'))
                ? QString()
                : actions[i]->toolTip());
        walkMenu(out, at, actions[i]->menu());
    }
}

/// Every user-visible string of `root` and its children.
void walk(Texts &out, const QWidget *root)
{
    QList<const QWidget *> widgets{root};
    for (const QWidget *w : root->findChildren<QWidget *>())
        widgets << w;
    for (const QWidget *w : widgets) {
        const QString at = pathOf(w);
        if (w->isWindow())
            put(out, at + QStringLiteral(" windowTitle"), w->windowTitle());
        put(out, at + QStringLiteral(" accessibleName"), w->accessibleName());
        put(out, at + QStringLiteral(" accessibleDescription"), w->accessibleDescription());
        put(out, at + QStringLiteral(" toolTip"), w->toolTip());
        put(out, at + QStringLiteral(" whatsThis"), w->whatsThis());
        if (auto *label = qobject_cast<const QLabel *>(w))
            put(out, at + QStringLiteral(" text"), label->text());
        if (auto *button = qobject_cast<const QAbstractButton *>(w))
            put(out, at + QStringLiteral(" text"), button->text());
        if (auto *box = qobject_cast<const QGroupBox *>(w))
            put(out, at + QStringLiteral(" title"), box->title());
        if (auto *edit = qobject_cast<const QLineEdit *>(w))
            put(out, at + QStringLiteral(" placeholder"), edit->placeholderText());
        if (auto *edit = qobject_cast<const QPlainTextEdit *>(w))
            put(out, at + QStringLiteral(" placeholder"), edit->placeholderText());
        if (auto *combo = qobject_cast<const QComboBox *>(w))
            for (int i = 0; i < combo->count(); ++i)
                put(out, at + QStringLiteral(" item") + QString::number(i), combo->itemText(i));
        if (auto *tabs = qobject_cast<const QTabWidget *>(w))
            for (int i = 0; i < tabs->count(); ++i) {
                put(out, at + QStringLiteral(" tab") + QString::number(i), tabs->tabText(i));
                put(out, at + QStringLiteral(" tabToolTip") + QString::number(i),
                    tabs->tabToolTip(i));
            }
        if (auto *view = qobject_cast<const QTableView *>(w); view && view->model()) {
            const auto *model = view->model();
            for (int c = 0; c < model->columnCount(); ++c)
                put(out, at + QStringLiteral(" header") + QString::number(c),
                    model->headerData(c, Qt::Horizontal).toString());
            // The cells that are sentences (capabilities, decisions); the others are data.
            for (int r = 0; r < model->rowCount(); ++r)
                for (int c = 0; c < model->columnCount(); ++c)
                    put(out, at + QStringLiteral(" cell%1,%2").arg(r).arg(c),
                        model->index(r, c).data().toString());
        }
        if (auto *menu = qobject_cast<const QMenu *>(w))
            walkMenu(out, at, menu);
        const auto actions = w->actions();
        for (int i = 0; i < actions.size(); ++i)
            put(out, at + QStringLiteral(" action") + QString::number(i), actions[i]->text());
    }
    for (const auto *tray : root->findChildren<QSystemTrayIcon *>()) {
        put(out, pathOf(tray) + QStringLiteral(" toolTip"), tray->toolTip());
        walkMenu(out, pathOf(tray) + QStringLiteral(" menu"), tray->contextMenu());
    }
}

/// Visible buttons and one-line labels narrower than their text needs (German is longer).
void checkFit(QStringList &cutOff, const QWidget *root)
{
    for (const auto *button : root->findChildren<QAbstractButton *>())
        if (button->isVisible() && button->width() < button->sizeHint().width())
            cutOff << QStringLiteral("%1: \"%2\" %3 < %4")
                          .arg(pathOf(button), button->text())
                          .arg(button->width())
                          .arg(button->sizeHint().width());
    for (const auto *label : root->findChildren<QLabel *>())
        if (label->isVisible() && !label->wordWrap() && !label->text().isEmpty() &&
            label->width() < label->minimumSizeHint().width())
            cutOff << QStringLiteral("%1: \"%2\" %3 < %4")
                          .arg(pathOf(label), label->text())
                          .arg(label->width())
                          .arg(label->minimumSizeHint().width());
}

struct Fixture : BrokerFixture
{
    api::PairingStore pairings{store, dir.path()};

    IncomingRequest incoming(const QString &appId = QStringLiteral("app-1"))
    {
        IncomingRequest in;
        in.app.appId = appId;
        in.app.claimedName = QStringLiteral("Test app");
        in.app.transport = QStringLiteral("websocket");
        in.app.origin = QStringLiteral("http://localhost:3000");
        in.app.pid = 4242;
        in.app.paired = true;
        in.app.firstRequest = true;
        in.request =
            std::move(lit::SessionRequest::fromJson(
                          readData(QStringLiteral("requests/valid_vector_a.json")).toStdString()))
                .value();
        return in;
    }
};

/// Builds every window with demo-like data in the current language and walks it.
Texts walkAllWindows(QStringList &cutOff)
{
    Texts texts;
    Fixture f;
    // A paired app with a remembered session and a session key, one answered request in the
    // log, one waiting.
    api::PairedApp draft;
    draft.name = QStringLiteral("Notes dApp");
    draft.claimedName = QStringLiteral("notes");
    draft.transport = api::Transport::WebSocket;
    draft.origin = QStringLiteral("http://localhost:3000");
    auto paired =
        await<Result<api::PairingStore::Pairing>>([&](auto cb) { f.pairings.pair(draft, cb); });
    if (!paired || !paired->ok())
        qFatal("pairing failed");
    const QString appId = (*paired)->app.appId;
    const auto first = *f.broker.submit(f.incoming(appId), [](Result<std::string>) {});
    QSignalSpy finished(&f.broker, &RequestBroker::requestFinished);
    if (!f.broker.approve(first, {kTestAccount, true, std::nullopt}).ok() || !finished.wait(5000))
        qFatal("approval failed");
    (void)f.broker.reject(*f.broker.submit(f.incoming(), [](Result<std::string>) {}));
    const auto waiting = *f.broker.submit(f.incoming(), [](Result<std::string>) {});

    ui::MainWindow window(
        {f.wallets, f.sessionKeys, f.permissions, f.activity, f.broker, f.clock, QString(),
         &f.pairings, [](const QString &, std::function<void(Status)> done) { done(okStatus()); },
         true});
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        qFatal("main window not shown");
    for (int i = 0; i < window.tabs()->count(); ++i) {
        window.tabs()->setCurrentIndex(i);
        checkFit(cutOff, &window);
    }
    walk(texts, &window);

    ui::ApprovalDialog approval(f.broker, f.wallets, f.clock, waiting);
    approval.show();
    if (!QTest::qWaitForWindowExposed(&approval))
        qFatal("approval dialog not shown");
    walk(texts, &approval);
    checkFit(cutOff, &approval);

    for (int page = 0; page < 4; ++page) {
        ui::ImportWalletDialog import(f.wallets);
        if (auto *source = import.findChild<QComboBox *>(QStringLiteral("kindCombo")))
            source->setCurrentIndex(page);
        import.show();
        walk(texts, &import);
        checkFit(cutOff, &import);
    }

    // The Lit ChainSecured review: plain words, chain, validity and warnings (an unknown
    // chain, a name that claims Lit from another origin).
    for (const auto &[purpose, chainId, origin] :
         {std::tuple{lit::ChainSecuredPurpose::AddUsageApiKey, std::uint64_t{84532}, QString()},
          std::tuple{lit::ChainSecuredPurpose::ConvertAccount, std::uint64_t{1},
                     QStringLiteral("https://litprotocol.com.evil.example")}}) {
        lit::ChainSecuredAuthorization auth;
        auth.purpose = purpose;
        auth.chainId = chainId;
        auth.address = eth::Address::parse("0x63FaC9201494f0bd17B9892B9fae4d52fe3BD377").value();
        auth.issuedAt = 1780000000;
        AppIdentity app;
        app.appId = QStringLiteral("app-1");
        app.claimedName = QStringLiteral("Lit Dashboard");
        app.transport = QStringLiteral("websocket");
        app.origin = origin;
        app.paired = origin.isEmpty();
        ui::ChainSecuredReviewView view;
        view.setObjectName(QStringLiteral("chainSecured%1").arg(chainId));
        view.setReview(ChainSecuredReview::build(auth, app), app);
        view.show();
        walk(texts, &view);
        checkFit(cutOff, &view);
    }

    ui::RemoveAccountDialog remove(f.wallets.accounts().first());
    remove.show();
    walk(texts, &remove);
    checkFit(cutOff, &remove);

    ui::ApiPrompts prompts(f.wallets, &window);
    QSignalSpy shown(&prompts, &ui::ApiPrompts::promptShown);
    api::PairingRequest pairing;
    pairing.id = 7;
    pairing.claimedName = QStringLiteral("Notes app");
    pairing.url = QStringLiteral("https://notes.example");
    pairing.peer.pid = 4242;
    pairing.peer.executable = QStringLiteral("/usr/bin/node");
    prompts.requestPairing(pairing, [](std::optional<QString>) {});
    api::AccountsRequest accounts;
    accounts.id = 8;
    accounts.appName = QStringLiteral("Notes dApp");
    prompts.requestAccounts(accounts, [](std::optional<QStringList>) {});
    for (const auto &args : shown)
        if (auto *dialog = args.first().value<QDialog *>()) {
            walk(texts, dialog);
            checkFit(cutOff, dialog);
        }
    prompts.cancelPairing(7);
    prompts.cancelAccounts(8);
    return texts;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
    QTemporaryDir m_settings;
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        qRegisterMetaType<QDialog *>();
    }
    void isPhrase_tellsWordsFromData()
    {
        QVERIFY(isPhrase(QStringLiteral("Approve &once")));
        QVERIFY(isPhrase(QStringLiteral("Signs for 3 Lit node(s) on 1 host(s): 127.0.0.1.")));
        QVERIFY(!isPhrase(QStringLiteral("Quill")));
        QVERIFY(!isPhrase(QStringLiteral("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23")));
        QVERIFY(!isPhrase(QStringLiteral("lit-litaction://*")));
        QVERIFY(!isPhrase(QStringLiteral("access-control-condition-decryption")));
        QVERIFY(!isPhrase(QStringLiteral("Test — 0x2c7536E3605D9C16a7a3D7b1898e529396a65c23")));
        QVERIFY(startsInEnglish(QStringLiteral("Warning: First request."),
                                QStringLiteral("Warning: Erste Anfrage.")));
        QVERIFY(!startsInEnglish(QStringLiteral("Warning: First request."),
                                 QStringLiteral("Warnung: Erste Anfrage.")));
        QVERIFY(!startsInEnglish(QStringLiteral("Origin %1"),
                                 QStringLiteral("Origin %1 (von Browsern gesetzt)")));
    }
    void german_translatesEveryVisibleString()
    {
        QStringList englishCutOff;
        const Texts english = walkAllWindows(englishCutOff);
        QVERIFY(english.size() > 200);

        QTranslator qt;
        QTranslator quill;
        QVERIFY(quill.load(QStringLiteral(":/i18n/quill_de.qm")));
        if (qt.load(QLocale(QLocale::German), QStringLiteral("qtbase"), QStringLiteral("_"),
                    QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&qt);
        QCoreApplication::installTranslator(&quill);
        QStringList germanCutOff;
        const Texts german = walkAllWindows(germanCutOff);
        QCoreApplication::removeTranslator(&quill);
        QCoreApplication::removeTranslator(&qt);

        QStringList untranslated;
        int compared = 0;
        for (const auto &[where, text] : english) {
            const auto it = german.find(where);
            if (it == german.end())
                continue;
            ++compared;
            if ((it->second == text || startsInEnglish(text, it->second)) && isPhrase(text))
                untranslated << QStringLiteral("%1: \"%2\"").arg(where, it->second);
        }
        QVERIFY2(compared > 200, qPrintable(QString::number(compared)));
        QVERIFY2(englishCutOff.isEmpty(), qPrintable(englishCutOff.join(QLatin1Char('\n'))));
        QVERIFY2(germanCutOff.isEmpty(), qPrintable(germanCutOff.join(QLatin1Char('\n'))));
        QVERIFY2(
            untranslated.isEmpty(),
            qPrintable(QStringLiteral("%1 string(s) not translated:\n").arg(untranslated.size()) +
                       untranslated.join(QLatin1Char('\n'))));
    }
    // German is longer: the approval dialog still fits the screen (1366×768 in
    // tst_translations_1366x768), and its buttons show their whole text (issue #11).
    void german_approvalFitsTheScreen()
    {
        QTranslator quill;
        QVERIFY(quill.load(QStringLiteral(":/i18n/quill_de.qm")));
        QCoreApplication::installTranslator(&quill);
        const auto guard = qScopeGuard([&] { QCoreApplication::removeTranslator(&quill); });
        Fixture f;
        IncomingRequest in = f.incoming();
        in.app.origin = QStringLiteral("https://evil.example"); // danger warnings and the checkbox
        const auto id = *f.broker.submit(std::move(in), [](Result<std::string>) {});
        QWidget parent;
        parent.resize(980, 560);
        parent.show();
        ui::ApprovalDialog dialog(f.broker, f.wallets, f.clock, id, &parent);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Sitzungsanfrage"));
        const QRect available = dialog.screen()->availableGeometry();
        QVERIFY(available.contains(dialog.frameGeometry()));
        for (auto *button : dialog.findChildren<QAbstractButton *>()) {
            if (!button->isVisible())
                continue;
            QVERIFY2(button->width() >= button->sizeHint().width(), qPrintable(button->text()));
            const QRect inDialog(button->mapTo(&dialog, QPoint(0, 0)), button->size());
            QVERIFY2(dialog.rect().contains(inDialog), qPrintable(button->text()));
        }
        for (auto *label : dialog.findChildren<QLabel *>())
            if (label->isVisible() && !label->wordWrap() && !label->text().isEmpty())
                QVERIFY2(label->width() >= label->minimumSizeHint().width(),
                         qPrintable(label->text()));
    }
    void english_pluralForms()
    {
        QTranslator english;
        QVERIFY(english.load(QStringLiteral(":/i18n/quill_en.qm")));
        QCOMPARE(
            english.translate("quill::ui::MainWindow", "Quill — %n request(s) waiting", nullptr, 1),
            QStringLiteral("Quill — %n request waiting"));
        QCOMPARE(
            english.translate("quill::ui::MainWindow", "Quill — %n request(s) waiting", nullptr, 2),
            QStringLiteral("Quill — %n requests waiting"));
    }
    // The node-count warning from core: "(s)" without a translator (quill-cli), real plurals
    // with one.
    void reviewNodeCount_pluralForms()
    {
        const auto text = [] {
            IncomingRequest in;
            in.request =
                std::move(
                    lit::SessionRequest::fromJson(
                        readData(QStringLiteral("requests/valid_vector_a.json")).toStdString()))
                    .value();
            Fixture f;
            const auto id = *f.broker.submit(std::move(in), [](Result<std::string>) {});
            const auto review = f.broker.review(id, kTestAccount);
            for (const auto &w : review->warnings)
                if (w.code == QStringLiteral("node-count"))
                    return w.text.section(QLatin1Char(':'), 0, 0);
            return QString();
        };
        QCOMPARE(text(), QStringLiteral("Signs for 3 Lit node(s) on 1 host(s)"));
        for (const auto &[file, expected] :
             {std::pair{QStringLiteral(":/i18n/quill_en.qm"),
                        QStringLiteral("Signs for 3 Lit nodes on 1 host")},
              std::pair{QStringLiteral(":/i18n/quill_de.qm"),
                        QStringLiteral("Signiert für 3 Lit-Knoten auf 1 Host")}}) {
            QTranslator translator;
            QVERIFY(translator.load(file));
            QCoreApplication::installTranslator(&translator);
            const QString translated = text();
            QCoreApplication::removeTranslator(&translator);
            QCOMPARE(translated, expected);
        }
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_Translations.moc"
