// DetailPane, offscreen: what setSegment shows (title, facts, tree, JSON), the find field's
// matches and keys, Copy JSON, the web app button, bad records and the empty state.
#include "sandboxrig.h"
#include "vendors/launchdarkly/launchdarklyapi.h"

#include "ui/detailpane.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFormLayout>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace sb;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

const QByteArray launchDarklyExample = R"({"name": "Example segment", "key": "segment-key-123abc",
  "description": "Bundle our sample customers together", "tags": ["testing"],
  "creationDate": 1717000000000, "lastModifiedDate": 1717000500000, "included": [], "excluded": [],
  "rules": [{"_id": "1234a56b7c89d012345e678f", "clauses": [{"_id": "12ab3c45de678910fab12345",
             "attribute": "email", "op": "endsWith", "values": [".edu"], "negate": false}]}],
  "version": 1, "deleted": false, "generation": 1, "unbounded": false,
  "_links": {"self": {"href": "/api/v2/segments/default/production/segment-key-123abc", "type": "application/json"}}})";

const QByteArray sailPointExample = R"({"id": "0f11f2a4-7c94-4bf3-a2bd-742580fe3bde", "name": "segment-xyz",
  "created": "2020-01-01T00:00:00.000000Z", "modified": "2020-01-01T00:00:00.000000Z",
  "description": "This segment represents xyz",
  "owner": {"type": "IDENTITY", "id": "2c9180a46faadee4016fb4e018c20639", "name": "support"},
  "visibilityCriteria": {"expression": {"operator": "AND", "attribute": null, "value": null, "children": [
    {"operator": "EQUALS", "attribute": "location", "value": {"type": "STRING", "value": "Austin"}, "children": null},
    {"operator": "EQUALS", "attribute": "department", "value": {"type": "STRING", "value": "Sales, EMEA"},
     "children": null}]}},
  "active": true})";

// Catches what QDesktopServices::openUrl would hand to the browser.
class UrlCatcher final : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public slots:
    void open(const QUrl &url) { urls.append(url); }
};

} // namespace

class TestDetailPane final : public QObject
{
    Q_OBJECT

    test::SandboxRig *m_rig = nullptr;

    template<typename T> static T *child(const DetailPane &pane, const char *name)
    {
        T *widget = pane.findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }

    // The facts as "Label: value" lines, in the order the form shows them.
    static QStringList facts(const DetailPane &pane)
    {
        auto *form = qobject_cast<QFormLayout *>(child<QWidget>(pane, "detailFacts")->layout());
        QStringList lines;
        for (int row = 0; row < form->rowCount(); ++row) {
            const auto *label = qobject_cast<QLabel *>(form->itemAt(row, QFormLayout::LabelRole)->widget());
            const auto *value = qobject_cast<QLabel *>(form->itemAt(row, QFormLayout::FieldRole)->widget());
            lines.append(label->text() + QLatin1Char(' ') + value->text());
        }
        return lines;
    }

    // The tree as indented lines; every item must be expanded.
    static QStringList treeLines(const DetailPane &pane)
    {
        QStringList lines;
        const std::function<void(QTreeWidgetItem *, int)> walk = [&](QTreeWidgetItem *item, int depth) {
            lines.append(QString(depth * 2, QLatin1Char(' ')) + item->text(0));
            if (item->childCount() > 0 && !item->isExpanded())
                lines.append(QStringLiteral("(collapsed)"));
            for (int i = 0; i < item->childCount(); ++i)
                walk(item->child(i), depth + 1);
        };
        auto *tree = child<QTreeWidget>(pane, "detailSections");
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            walk(tree->topLevelItem(i), 0);
        return lines;
    }

    static QString pretty(const QByteArray &json)
    {
        return QString::fromUtf8(QJsonDocument::fromJson(json).toJson(QJsonDocument::Indented)).trimmed();
    }

    // For looking at the pane: SB_DETAILPANE_SHOTS=/some/dir saves what the tests show.
    static void maybeSave(DetailPane &pane, const QString &name)
    {
        const QString dir = qEnvironmentVariable("SB_DETAILPANE_SHOTS");
        if (dir.isEmpty())
            return;
        // Let the layouts settle as they would before the window is painted.
        QCoreApplication::processEvents();
        QVERIFY(pane.grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
    }

private slots:
    void initTestCase()
    {
        qputenv("TZ", "UTC");
        ::tzset();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_rig = new test::SandboxRig;
    }

    void cleanupTestCase() { delete m_rig; }

    void startsWithThePlaceholder()
    {
        DetailPane pane;
        pane.show();
        auto *placeholder = child<QLabel>(pane, "detailPlaceholder");
        QVERIFY(placeholder->isVisible());
        QCOMPARE(placeholder->text(), s("Select a segment to see its details."));
        QVERIFY(!child<QPlainTextEdit>(pane, "detailJson")->isVisible());
        QVERIFY(pane.json().isEmpty());
    }

    void showsLaunchDarklyRecord()
    {
        DetailPane pane;
        pane.resize(420, 900);
        pane.show();
        const VendorApi *vendor = vendorById(QStringLiteral("launchdarkly"));
        pane.setSegment(vendor, m_rig->profile(QStringLiteral("launchdarkly")), launchDarklyExample);

        QVERIFY(!child<QLabel>(pane, "detailPlaceholder")->isVisible());
        auto *title = child<QLabel>(pane, "detailTitle");
        QCOMPARE(title->text(), s("Example segment"));
        QVERIFY(title->font().pointSizeF() > pane.font().pointSizeF());
        QCOMPARE(facts(pane),
                 (QStringList {s("Name: Example segment"), s("Key: segment-key-123abc"),
                               s("Description: Bundle our sample customers together"), s("Tags: testing"),
                               s("Created: 5/29/2024 4:26 PM UTC"), s("Modified: 5/29/2024 4:35 PM UTC"),
                               s("Type: Standard segment"), s("Included: 0"), s("Excluded: 0"), s("Rules: 1"),
                               s("Version: 1")}));
        // Values can be selected and copied.
        auto *form = qobject_cast<QFormLayout *>(child<QWidget>(pane, "detailFacts")->layout());
        const auto *value = qobject_cast<QLabel *>(form->itemAt(1, QFormLayout::FieldRole)->widget());
        QVERIFY(value->textInteractionFlags() & Qt::TextSelectableByMouse);
        QCOMPARE(value->accessibleName(), s("Key"));

        QCOMPARE(treeLines(pane), (QStringList {s("Rules"), s("  Rule 1"), s("    email endsWith .edu")}));

        auto *json = child<QPlainTextEdit>(pane, "detailJson");
        QCOMPARE(json->toPlainText(), pretty(launchDarklyExample));
        QCOMPARE(pane.json(), json->toPlainText());
        QVERIFY(json->isReadOnly());
        QVERIFY(QFontInfo(json->font()).fixedPitch());
        maybeSave(pane, QStringLiteral("launchdarkly-example"));
    }

    void showsSailPointRecord()
    {
        DetailPane pane;
        pane.resize(420, 900);
        pane.show();
        pane.setSegment(vendorById(QStringLiteral("sailpoint")), m_rig->profile(QStringLiteral("sailpoint")),
                        sailPointExample);
        QCOMPARE(child<QLabel>(pane, "detailTitle")->text(), s("segment-xyz"));
        QVERIFY(facts(pane).contains(s("Owner: support")));
        QVERIFY(facts(pane).contains(s("Active: Yes")));
        QCOMPARE(
            treeLines(pane),
            (QStringList {s("Owner"), s("  Name: support"), s("  Type: IDENTITY"),
                          s("  ID: 2c9180a46faadee4016fb4e018c20639"), s("Visibility criteria"), s("  All of these"),
                          s("    location equals \"Austin\""), s("    department equals \"Sales, EMEA\"")}));
        maybeSave(pane, QStringLiteral("sailpoint-example"));
    }

    void showsSandboxRecordsOfEveryVendor()
    {
        DetailPane pane;
        pane.show();
        for (const QString &vendor : test::allVendorIds()) {
            const VendorApi *api = vendorById(vendor);
            for (int i = 0; i < 20; ++i) {
                const QJsonObject record = m_rig->server.record(vendor, i);
                const QByteArray bytes = QJsonDocument(record).toJson(QJsonDocument::Compact);
                pane.setSegment(api, m_rig->profile(vendor), bytes);
                QCOMPARE(child<QLabel>(pane, "detailTitle")->text(), api->details({}, record).title);
                QCOMPARE(pane.json(), pretty(bytes));
            }
        }
        maybeSave(pane, QStringLiteral("sandbox-last"));
    }

    void newSegmentShowsFromTheTop()
    {
        DetailPane pane;
        pane.resize(300, 300);
        pane.show();
        const QString ld = QStringLiteral("launchdarkly");
        pane.setSegment(vendorById(ld), {}, launchDarklyExample);
        QScrollBar *bar = child<QScrollArea>(pane, "detailScroll")->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0);
        bar->setValue(bar->maximum());
        pane.setSegment(vendorById(ld), {}, QJsonDocument(m_rig->server.record(ld, 3)).toJson());
        QCOMPARE(bar->value(), 0);
    }

    void findCountsAndMoves()
    {
        DetailPane pane;
        pane.show();
        pane.setSegment(vendorById(QStringLiteral("launchdarkly")), m_rig->profile(QStringLiteral("launchdarkly")),
                        launchDarklyExample);
        auto *find = child<QLineEdit>(pane, "detailFind");
        auto *status = child<QLabel>(pane, "detailFindStatus");
        auto *json = child<QPlainTextEdit>(pane, "detailJson");
        QVERIFY(status->text().isEmpty());

        // "segment" is in the name, the key, and twice in the link; case does not matter.
        QCOMPARE(pane.json().count(QStringLiteral("segment"), Qt::CaseInsensitive), 4);
        find->setFocus();
        QTest::keyClicks(find, QStringLiteral("SEGMENT"));
        QCOMPARE(status->text(), s("1 of 4"));
        QCOMPARE(json->extraSelections().size(), 4);
        const int first = json->textCursor().position();

        QTest::keyClick(find, Qt::Key_Return);
        QCOMPARE(status->text(), s("2 of 4"));
        QVERIFY(json->textCursor().position() > first);
        QTest::keyClick(find, Qt::Key_Enter);
        QCOMPARE(status->text(), s("3 of 4"));
        QTest::keyClick(find, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(status->text(), s("2 of 4"));
        QTest::keyClick(find, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClick(find, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(status->text(), s("4 of 4")); // wraps around
        QTest::mouseClick(child<QToolButton>(pane, "detailFindNext"), Qt::LeftButton);
        QCOMPARE(status->text(), s("1 of 4"));
        QCOMPARE(json->textCursor().position(), first);
        QTest::mouseClick(child<QToolButton>(pane, "detailFindPrevious"), Qt::LeftButton);
        QCOMPARE(status->text(), s("4 of 4"));

        // The current match stands out from the others.
        const QList<QTextEdit::ExtraSelection> selections = json->extraSelections();
        QCOMPARE(selections.at(3).format.background(), QBrush(json->palette().color(QPalette::Highlight)));
        QVERIFY(selections.at(0).format.background() != selections.at(3).format.background());
        QCOMPARE(selections.at(3).cursor.selectedText(), s("segment"));

        find->setText(QStringLiteral("no such text"));
        QCOMPARE(status->text(), s("No matches"));
        QVERIFY(json->extraSelections().isEmpty());
        QVERIFY(!child<QToolButton>(pane, "detailFindNext")->isEnabled());

        // Another segment starts with an empty search; the same one shown again keeps it.
        find->setText(QStringLiteral("austin"));
        QCOMPARE(status->text(), s("No matches"));
        pane.setSegment(vendorById(QStringLiteral("sailpoint")), {}, sailPointExample);
        QCOMPARE(find->text(), QString());
        QVERIFY(status->text().isEmpty());
        QVERIFY(json->extraSelections().isEmpty());
        find->setText(QStringLiteral("austin"));
        QCOMPARE(status->text(), s("1 of 1"));
        pane.setSegment(vendorById(QStringLiteral("sailpoint")), {}, sailPointExample);
        QCOMPARE(find->text(), QStringLiteral("austin"));
        QCOMPARE(status->text(), s("1 of 1"));
    }

    void copyJsonPutsThePrettyJsonOnTheClipboard()
    {
        DetailPane pane;
        pane.show();
        QGuiApplication::clipboard()->setText(QStringLiteral("before"));
        auto *copy = child<QPushButton>(pane, "detailCopyJson");
        QVERIFY(!copy->isEnabled()); // nothing to copy yet
        pane.setSegment(vendorById(QStringLiteral("sailpoint")), {}, sailPointExample);
        QVERIFY(copy->isEnabled());
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), pretty(sailPointExample));
    }

    void webButtonOnlyWithAUrl()
    {
        DetailPane pane;
        pane.show();
        auto *web = child<QLabel>(pane, "detailOpenWeb");
        const Profile profile = m_rig->profile(QStringLiteral("launchdarkly"));
        const VendorApi *launchDarkly = vendorById(QStringLiteral("launchdarkly"));
        pane.setSegment(launchDarkly, profile, launchDarklyExample);
        QVERIFY(web->isVisible());
        QCOMPARE(web->accessibleName(), s("Open in LaunchDarkly web app"));
        QVERIFY(web->text().contains(s(">Open in LaunchDarkly web app</a>")));
        const QUrl expected = launchDarkly->webUrl(profile, QJsonDocument::fromJson(launchDarklyExample).object());
        QVERIFY(expected.isValid());
        QCOMPARE(pane.webUrl(), expected);

        UrlCatcher catcher;
        QDesktopServices::setUrlHandler(expected.scheme(), &catcher, "open");
        // A click on the link's first letters.
        QTest::mouseClick(web, Qt::LeftButton, {}, QPoint(web->contentsRect().left() + 4, web->height() / 2));
        QDesktopServices::unsetUrlHandler(expected.scheme());
        QCOMPARE(catcher.urls, QList<QUrl> {expected});

        // SailPoint documents no web app address: no button.
        pane.setSegment(vendorById(QStringLiteral("sailpoint")), m_rig->profile(QStringLiteral("sailpoint")),
                        sailPointExample);
        QVERIFY(!web->isVisible());
        QVERIFY(pane.webUrl().isEmpty());
        // Nor for a LaunchDarkly profile without an environment.
        Profile incomplete = profile;
        incomplete.params.remove(LaunchDarklyApi::environmentKey);
        pane.setSegment(launchDarkly, incomplete, launchDarklyExample);
        QVERIFY(!web->isVisible());
    }

    void badRecordIsShownAsItCame()
    {
        DetailPane pane;
        pane.show();
        const QByteArray bytes = "{\"key\": \"half";
        pane.setSegment(vendorById(QStringLiteral("launchdarkly")), {}, bytes);
        QCOMPARE(child<QLabel>(pane, "detailTitle")->text(), s("Unreadable record"));
        QCOMPARE(facts(pane).size(), 1);
        QVERIFY2(facts(pane).first().startsWith(s("Problem: The record is not valid JSON: ")),
                 qPrintable(facts(pane).first()));
        QCOMPARE(child<QPlainTextEdit>(pane, "detailJson")->toPlainText(), QString::fromUtf8(bytes));
        QVERIFY(!child<QLabel>(pane, "detailOpenWeb")->isVisible());

        pane.setSegment(vendorById(QStringLiteral("launchdarkly")), {}, "[1, 2]");
        QCOMPARE(facts(pane), QStringList {s("Problem: The record is not a JSON object")});
        QVERIFY(!child<QTreeWidget>(pane, "detailSections")->isVisible());

        // Without a vendor the record is still shown.
        pane.setSegment(nullptr, {}, launchDarklyExample);
        QCOMPARE(child<QLabel>(pane, "detailTitle")->text(), s("Segment"));
        QCOMPARE(pane.json(), pretty(launchDarklyExample));
    }

    void clearShowsThePlaceholderAgain()
    {
        DetailPane pane;
        pane.show();
        pane.setSegment(vendorById(QStringLiteral("launchdarkly")), m_rig->profile(QStringLiteral("launchdarkly")),
                        launchDarklyExample);
        child<QLineEdit>(pane, "detailFind")->setText(QStringLiteral("segment"));
        pane.clear();
        QVERIFY(child<QLabel>(pane, "detailPlaceholder")->isVisible());
        QVERIFY(pane.json().isEmpty());
        QVERIFY(pane.webUrl().isEmpty());
        QVERIFY(child<QPlainTextEdit>(pane, "detailJson")->toPlainText().isEmpty());
        QVERIFY(child<QLabel>(pane, "detailFindStatus")->text().isEmpty());
        QVERIFY(!child<QPushButton>(pane, "detailCopyJson")->isEnabled());
    }

    void followsADarkPaletteAndFitsNarrow()
    {
        DetailPane pane;
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
        dark.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
        dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
        dark.setColor(QPalette::Button, QColor(0x30, 0x30, 0x30));
        dark.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
        dark.setColor(QPalette::Highlight, QColor(0x2a, 0x6f, 0xdb));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
        pane.resize(260, 700);
        pane.show();
        const QString ld = QStringLiteral("launchdarkly");
        pane.setSegment(vendorById(ld), m_rig->profile(ld),
                        QJsonDocument(m_rig->server.record(ld, 4)).toJson(QJsonDocument::Compact));
        child<QLineEdit>(pane, "detailFind")->setText(QStringLiteral("user"));
        auto *json = child<QPlainTextEdit>(pane, "detailJson");
        QVERIFY(json->extraSelections().size() > 1);

        // The highlights are remade from the new palette, not kept from the old one.
        pane.setPalette(dark);
        QTRY_COMPARE(json->extraSelections().first().format.background().color(), dark.color(QPalette::Highlight));
        const QColor other = json->extraSelections().at(1).format.background().color();
        QVERIFY(other.lightness() < 128); // a dark tint, not the light palette's

        // Beside the table the pane is narrow: the text wraps rather than the pane scrolling sideways.
        auto *scroll = child<QScrollArea>(pane, "detailScroll");
        QVERIFY(scroll->widget()->minimumSizeHint().width() <= scroll->viewport()->width());
        QTRY_VERIFY(scroll->widget()->width() <= scroll->viewport()->width());
        QTRY_VERIFY(!scroll->horizontalScrollBar()->isVisible());
        // Each fact shows whole: a label above its value, which is as tall as its wrapped lines.
        QTRY_COMPARE(child<QFormLayout>(pane, "detailFactsLayout")->rowWrapPolicy(), QFormLayout::WrapAllRows);
        for (QLabel *label : child<QWidget>(pane, "detailFacts")->findChildren<QLabel *>()) {
            QTRY_VERIFY2(label->height() >= label->heightForWidth(label->width()), qPrintable(label->text()));
        }
        maybeSave(pane, QStringLiteral("narrow-dark"));
    }

    void longRuleLinesWrapInTheirWholeHeight()
    {
        DetailPane pane;
        pane.resize(300, 900);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        const QByteArray record = R"({"key": "k", "name": "Wrapped", "rules": [{"_id": "r1", "description":
            "A rule with a long description that cannot fit in one line of a narrow pane beside the table",
            "clauses": [{"_id": "c1", "attribute": "email", "op": "endsWith", "values": ["@example.com"],
            "negate": false}]}]})";
        pane.setSegment(vendorById(QStringLiteral("launchdarkly")), {}, record);
        auto *tree = child<QTreeWidget>(pane, "detailSections");
        QTreeWidgetItem *rule = tree->topLevelItem(0)->child(0);
        QVERIFY(rule->text(0).contains(QStringLiteral("cannot fit")));
        const int line = tree->fontMetrics().lineSpacing();
        // Several lines tall, all of them inside the tree, which shows every row without a scroll bar.
        QTRY_VERIFY(tree->visualItemRect(rule).height() >= 2 * line);
        QVERIFY(tree->visualItemRect(rule).right() <= tree->viewport()->width());
        QVERIFY(!tree->horizontalScrollBar()->isVisible());
        const QModelIndex last = tree->model()->index(0, 0, tree->model()->index(0, 0, tree->model()->index(0, 0)));
        QVERIFY(last.isValid());
        QVERIFY(tree->visualRect(last).bottom() <= tree->viewport()->height());
    }

    void controlsHaveAccessibleNames()
    {
        DetailPane pane;
        for (const char *name : {"detailTitle", "detailFacts", "detailSections", "detailFind", "detailFindStatus",
                                 "detailFindPrevious", "detailFindNext", "detailJson", "detailCopyJson"}) {
            QVERIFY2(!child<QWidget>(pane, name)->accessibleName().isEmpty(), name);
        }
    }
};

QTEST_MAIN(TestDetailPane)
#include "tst_detailpane.moc"
