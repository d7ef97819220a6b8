// The filter builder: rows and text kept in sync both ways, live validation, Enter and Apply,
// the sort control, and every example filter of LaunchDarkly's page round-tripping unchanged.
#include "ldfilter/parser.h"
#include "ldfilter/printer.h"
#include "ui/filterbuilder.h"
#include "ui/filterrow.h"
#include "ui/tokenedit.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace sb;
using ldfilter::Field;
using ldfilter::Term;

namespace {

template<typename T> T *child(const QWidget *parent, const char *name)
{
    T *found = parent->findChild<T *>(QLatin1String(name));
    if (!found)
        qWarning("no child named %s", name);
    return found;
}

QLineEdit *filterText(const FilterBuilder &builder)
{
    return child<QLineEdit>(&builder, "filterText");
}

// The rows the builder shows, group by group (deleted ones excluded).
QList<QList<Term>> shownRows(const FilterBuilder &builder)
{
    QList<QList<Term>> groups;
    for (const QFrame *group : builder.findChildren<QFrame *>(QStringLiteral("filterGroup"))) {
        QList<Term> terms;
        for (const FilterRow *row : group->findChildren<FilterRow *>())
            terms.append(row->term());
        groups.append(terms);
    }
    return groups;
}

FilterRow *lastRow(const FilterBuilder &builder)
{
    const QList<FilterRow *> rows = builder.findChildren<FilterRow *>();
    return rows.isEmpty() ? nullptr : rows.constLast();
}

void chooseField(FilterRow *row, Field field)
{
    auto *combo = child<QComboBox>(row, "field");
    combo->setCurrentIndex(combo->findData(int(field)));
}

void typeTokens(FilterRow *row, const QString &keys)
{
    QTest::keyClicks(child<TokenEdit>(row, "tokens")->lineEdit(), keys);
}

// With SB_GRAB_DIR set, saves a picture of the widget there, to look at by eye.
void grabIfAsked(FilterBuilder &builder, const QString &name)
{
    if (qEnvironmentVariableIsEmpty("SB_GRAB_DIR"))
        return;
    QCoreApplication::processEvents(); // child widgets added to a shown parent show queued
    builder.resize(820, builder.sizeHint().height());
    const QString path = qEnvironmentVariable("SB_GRAB_DIR") + QLatin1Char('/')
        + QString(name).replace(QLatin1Char(' '), QLatin1Char('-'));
    builder.grab().save(path + QStringLiteral(".png"));
    // And in a dark palette, to see that nothing has a light-theme colour of its own.
    const QPalette light = builder.palette();
    QPalette dark(QColor(0x3c, 0x3c, 0x3c), QColor(0x30, 0x30, 0x30));
    dark.setColor(QPalette::Base, QColor(0x24, 0x24, 0x24));
    dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
    builder.setPalette(dark);
    builder.grab().save(path + QStringLiteral("-dark.png"));
    builder.setPalette(light);
}

// Where Tab goes from `widget`: the next control in the focus chain that takes focus by Tab.
QWidget *nextTabStop(QWidget *widget)
{
    for (QWidget *next = widget->nextInFocusChain(); next != widget; next = next->nextInFocusChain()) {
        if ((next->focusPolicy() & Qt::TabFocus) && next->isVisible() && next->isEnabled())
            return next;
    }
    return nullptr;
}

QString canonical(const QString &text)
{
    return ldfilter::print(ldfilter::parse(text).value());
}

} // namespace

class TestFilterBuilder final : public QObject
{
    Q_OBJECT

private slots:
    void rowsWriteTheText()
    {
        FilterBuilder builder;
        builder.show();
        QVERIFY(child<QLabel>(&builder, "emptyNote")->isVisible());
        QCOMPARE(builder.query(), Query());
        grabIfAsked(builder, QStringLiteral("empty"));

        QTest::mouseClick(child<QPushButton>(&builder, "addRow"), Qt::LeftButton);
        FilterRow *tags = lastRow(builder);
        QVERIFY(tags);
        chooseField(tags, Field::Tags);
        QCOMPARE(child<QLabel>(tags, "operator")->text(), QStringLiteral("any of"));
        typeTokens(tags, QStringLiteral("beta"));
        QTest::keyClick(child<TokenEdit>(tags, "tokens")->lineEdit(), Qt::Key_Return);
        typeTokens(tags, QStringLiteral("enterprise,"));
        QCOMPARE(tags->findChildren<QWidget *>(QStringLiteral("token")).size(), 2);
        QCOMPARE(filterText(builder)->text(), QStringLiteral("tags anyOf [\"beta\",\"enterprise\"]"));

        // A second condition in the same group is an AND; text not yet made a chip counts.
        QVERIFY(!child<QPushButton>(&builder, "addRow")->isVisibleTo(&builder));
        QTest::mouseClick(child<QToolButton>(&builder, "addRowToGroup"), Qt::LeftButton);
        FilterRow *query = lastRow(builder);
        chooseField(query, Field::Query);
        // LaunchDarkly's "query equals" matches substrings: it reads "Search text contains".
        QCOMPARE(child<QLabel>(query, "operator")->text(), QStringLiteral("contains"));
        typeTokens(query, QStringLiteral("toggle, or not"));
        QCOMPARE(filterText(builder)->text(),
                 QStringLiteral("tags anyOf [\"beta\",\"enterprise\"],query equals \"toggle, or not\""));

        // "Or..." starts a group: an OR.
        QTest::mouseClick(child<QPushButton>(&builder, "addGroup"), Qt::LeftButton);
        FilterRow *big = lastRow(builder);
        chooseField(big, Field::Unbounded);
        QVERIFY(!child<QLabel>(big, "operator")->isVisibleTo(&builder)); // the check box says it
        QCOMPARE(filterText(builder)->text(),
                 QStringLiteral("tags anyOf [\"beta\",\"enterprise\"],query equals \"toggle, or not\"|unbounded "
                                "equals true"));
        child<QCheckBox>(big, "flag")->setChecked(false);
        QVERIFY(filterText(builder)->text().endsWith(QStringLiteral("|unbounded equals false")));
        QCOMPARE(builder.findChildren<QLabel *>(QStringLiteral("orLabel")).size(), 1);

        // Removing a chip, then a row.
        QTest::mouseClick(tags->findChildren<QToolButton *>(QStringLiteral("removeToken")).constFirst(),
                          Qt::LeftButton);
        QVERIFY(filterText(builder)->text().startsWith(QStringLiteral("tags anyOf [\"enterprise\"],")));
        QTest::mouseClick(child<QToolButton>(query, "removeRow"), Qt::LeftButton);
        QCOMPARE(filterText(builder)->text(), QStringLiteral("tags anyOf [\"enterprise\"]|unbounded equals false"));
        // Removing the last row of a group removes the group and its "or".
        QTest::mouseClick(child<QToolButton>(big, "removeRow"), Qt::LeftButton);
        QCOMPARE(filterText(builder)->text(), QStringLiteral("tags anyOf [\"enterprise\"]"));
        QTRY_COMPARE(builder.findChildren<QLabel *>(QStringLiteral("orLabel")).size(), 0);
        QVERIFY(builder.isValid());
        QCOMPARE(builder.query().filter, QStringLiteral("tags anyOf [\"enterprise\"]"));
    }

    void textBuildsTheRows()
    {
        FilterBuilder builder;
        builder.show();
        QLineEdit *text = filterText(builder);
        text->setFocus();
        QTest::keyClicks(text,
                         QStringLiteral("external exists false | includedKeys anyOf [\"a\", \"b\"],query equals "
                                        "[\"x\"]"));
        const QList<QList<Term>> expected {
            {Term::of(Field::External, false)},
            {Term::of(Field::IncludedKeys, QStringList {QStringLiteral("a"), QStringLiteral("b")}),
             Term::of(Field::Query, QStringList {QStringLiteral("x")})},
        };
        QTRY_COMPARE(shownRows(builder), expected);
        QVERIFY(child<QWidget>(&builder, "filterRows")->isEnabled());
        // The text stays as typed while the user types; query() is canonical.
        QVERIFY(text->text().contains(QStringLiteral(" | ")));
        QCOMPARE(builder.query().filter,
                 QStringLiteral("external exists false|includedKeys anyOf [\"a\",\"b\"],query equals [\"x\"]"));

        // Emptying the text empties the rows.
        text->clear();
        QTRY_COMPARE(shownRows(builder), QList<QList<Term>>());
        QCOMPARE(builder.query().filter, QString());
    }

    void invalidTextIsMarkedAndCannotBeApplied()
    {
        FilterBuilder builder;
        builder.show();
        QSignalSpy validity(&builder, &FilterBuilder::validityChanged);
        QSignalSpy applied(&builder, &FilterBuilder::applied);
        auto *apply = child<QPushButton>(&builder, "applyFilter");
        auto *error = child<QLabel>(&builder, "filterError");
        QLineEdit *text = filterText(builder);
        text->setFocus();
        QTest::keyClicks(text, QStringLiteral("tags anyOf [\"beta\"],query"));
        QVERIFY(!builder.isValid());
        QVERIFY(!apply->isEnabled());
        QVERIFY(error->isVisible());
        QCOMPARE(error->text().left(16), QStringLiteral("at character 26:"));
        QVERIFY2(error->text().contains(QStringLiteral("expected")), qPrintable(error->text()));
        QCOMPARE(text->property("errorColumn").toInt(), 26);
        QCOMPARE(text->accessibleDescription(), error->text());
        QVERIFY(!validity.isEmpty());
        QCOMPARE(validity.constLast().at(0).toBool(), false);
        // The rows keep the last valid filter but are locked: editing them would overwrite the text.
        QVERIFY(!child<QWidget>(&builder, "filterRows")->isEnabled());

        // Neither Enter nor Apply applies invalid text.
        QTest::keyClick(text, Qt::Key_Return);
        QTest::mouseClick(apply, Qt::LeftButton);
        QCOMPARE(applied.size(), 0);
        // What the user typed is kept as typed.
        QCOMPARE(builder.query().filter, QStringLiteral("tags anyOf [\"beta\"],query"));

        // A mistake in the middle is marked there.
        text->setText(QStringLiteral("tags anyOf [\"beta\" \"x\"]"));
        QCOMPARE(text->property("errorColumn").toInt(), 20);
        QVERIFY(error->text().startsWith(QStringLiteral("at character 20: ")));
        grabIfAsked(builder, QStringLiteral("invalid"));

        text->setText(QStringLiteral("tags anyOf [\"beta\"],query"));
        QTest::keyClicks(text, QStringLiteral(" equals \"x\""));
        QVERIFY(builder.isValid());
        QVERIFY(apply->isEnabled());
        QVERIFY(!error->isVisible());
        QCOMPARE(text->property("errorColumn").toInt(), 0);
        QCOMPARE(validity.constLast().at(0).toBool(), true);
        QVERIFY(child<QWidget>(&builder, "filterRows")->isEnabled());
        QCOMPARE(shownRows(builder).size(), 1);
    }

    void enterAndApplyEmitTheQuery()
    {
        FilterBuilder builder;
        builder.setSortFields({QStringLiteral("name"), QStringLiteral("creationDate"), QStringLiteral("lastModified")});
        builder.setQuery(Query {QString(), QStringLiteral("-name")});
        builder.show();
        QSignalSpy applied(&builder, &FilterBuilder::applied);
        QLineEdit *text = filterText(builder);
        text->setFocus();
        QTest::keyClicks(text, QStringLiteral("query  equals  \"toggle\""));
        QTest::keyClick(text, Qt::Key_Return);
        QCOMPARE(applied.size(), 1);
        const Query expected {QStringLiteral("query equals \"toggle\""), QStringLiteral("-name")};
        QCOMPARE(applied.at(0).at(0).value<Query>(), expected);

        QTest::mouseClick(child<QPushButton>(&builder, "applyFilter"), Qt::LeftButton);
        QCOMPARE(applied.size(), 2);
        QCOMPARE(applied.at(1).at(0).value<Query>(), expected);

        // Clear empties the filter, keeps the sort, and applies.
        QTest::mouseClick(child<QPushButton>(&builder, "clearFilter"), Qt::LeftButton);
        QCOMPARE(applied.size(), 3);
        QCOMPARE(applied.at(2).at(0).value<Query>(), (Query {QString(), QStringLiteral("-name")}));
        QCOMPARE(text->text(), QString());
        QCOMPARE(shownRows(builder), QList<QList<Term>>());

        // setQuery shows a query without applying it.
        builder.setQuery(Query {QStringLiteral("tags anyOf [\"x\"]"), QString()});
        QCOMPARE(applied.size(), 3);
        QCOMPARE(builder.query(), (Query {QStringLiteral("tags anyOf [\"x\"]"), QString()}));
    }

    void itSaysWhetherWhatIsShownIsApplied()
    {
        FilterBuilder builder;
        builder.show();
        builder.setApplied({}, 120);
        QCOMPARE(builder.appliedStateText(), QString()); // nothing to apply, nothing said
        QLineEdit *text = filterText(builder);
        text->setFocus();
        QTest::keyClicks(text, QStringLiteral("tags anyOf [\"beta\"]"));
        QVERIFY(!builder.isApplied());
        QCOMPARE(builder.appliedStateText(), QStringLiteral("Not applied — Enter to apply"));
        QSignalSpy applied(&builder, &FilterBuilder::applied);
        QTest::keyClick(text, Qt::Key_Return);
        QCOMPARE(applied.size(), 1);
        // The table takes the query; until its total is known the count is not given.
        builder.setApplied(applied.at(0).at(0).value<Query>(), -1);
        QCOMPARE(builder.appliedStateText(), QStringLiteral("Filter applied"));
        builder.setApplied(applied.at(0).at(0).value<Query>(), 29);
        QVERIFY(builder.isApplied());
        QCOMPARE(builder.appliedStateText(), QStringLiteral("Filter applied · 29 segments"));
        // An edit of a row is not applied either.
        typeTokens(lastRow(builder), QStringLiteral("mobile,"));
        QCOMPARE(builder.appliedStateText(), QStringLiteral("Not applied — Enter to apply"));
    }

    void theConditionsFoldIntoOneLineInWords()
    {
        FilterBuilder builder;
        builder.resize(900, 400);
        builder.setQuery(Query {QStringLiteral("tags anyOf [\"beta\",\"mobile\"],unbounded equals false|query "
                                               "equals \"toggle\""),
                                QString()});
        builder.show();
        QVERIFY(QTest::qWaitForWindowExposed(&builder));
        const int unfolded = builder.sizeHint().height();
        QSignalSpy folded(&builder, &FilterBuilder::collapsedChanged);
        QTest::mouseClick(child<QToolButton>(&builder, "collapseFilter"), Qt::LeftButton);
        QVERIFY(builder.isCollapsed());
        QCOMPARE(folded.size(), 1);
        QVERIFY(!filterText(builder)->isVisible());
        QCOMPARE(builder.summaryText(),
                 QStringLiteral("Tags any of beta, mobile and is not a big segment — or — "
                                "Search text contains “toggle”"));
        // One line: the bar alone, whatever the conditions.
        QVERIFY(builder.sizeHint().height() < unfolded / 2);
        QVERIFY(child<QPushButton>(&builder, "applyFilter")->isVisible());
        // Ctrl+L's focusFilter unfolds it and puts the cursor in the text.
        builder.focusFilter();
        QVERIFY(!builder.isCollapsed());
        QVERIFY(filterText(builder)->isVisible());
        QCOMPARE(QApplication::focusWidget(), filterText(builder));
    }

    void manyConditionsScrollInAPlaceOfTheirOwn()
    {
        FilterBuilder builder;
        builder.resize(900, 600);
        builder.show();
        QVERIFY(QTest::qWaitForWindowExposed(&builder));
        // Queued in turn: the new rows show, the place measures them, the layouts take the new height.
        const auto settle = [] {
            for (int i = 0; i < 3; ++i)
                QCoreApplication::processEvents();
        };
        QTest::mouseClick(child<QPushButton>(&builder, "addRow"), Qt::LeftButton);
        settle();
        const int oneRow = builder.sizeHint().height();
        QList<int> heights;
        for (int i = 0; i < 8; ++i) {
            QTest::mouseClick(child<QPushButton>(&builder, "addGroup"), Qt::LeftButton);
            settle(); // the new group shows, the place measures it, the layouts follow
            heights << builder.sizeHint().height();
        }
        QCOMPARE(builder.findChildren<FilterRow *>().size(), 9);
        // It grows for the first few rows, then stays: the rows scroll.
        QVERIFY(heights.first() > oneRow);
        QCOMPARE(heights.last(), heights.at(heights.size() - 2));
        QVERIFY2(heights.last() < 2 * oneRow, qPrintable(QString::number(heights.last())));
    }

    void nestedTextDisablesTheRows()
    {
        FilterBuilder builder;
        builder.show();
        const QString nested = QStringLiteral("tags anyOf [\"a\"],(query equals \"x\"|unbounded equals true)");
        builder.setQuery(Query {nested, QString()});
        QVERIFY(builder.isValid());
        QCOMPARE(builder.query().filter, nested);
        auto *note = child<QLabel>(&builder, "nestedNote");
        QVERIFY(note->isVisible());
        QCOMPARE(note->text(), QStringLiteral("This filter has nesting the rows cannot show; edit it as text."));
        grabIfAsked(builder, QStringLiteral("nested"));
        QCOMPARE(shownRows(builder), QList<QList<Term>>());
        QVERIFY(!child<QPushButton>(&builder, "addRow")->isEnabled());
        QVERIFY(!child<QWidget>(&builder, "filterRows")->isEnabled());
        QVERIFY(!child<QLabel>(&builder, "emptyNote")->isVisible());

        // Text the rows can show brings them back.
        filterText(builder)->setText(QStringLiteral("tags anyOf [\"a\"],query equals \"x\"|unbounded equals true"));
        QVERIFY(!note->isVisible());
        QVERIFY(child<QWidget>(&builder, "filterRows")->isEnabled());
        QVERIFY(child<QPushButton>(&builder, "addGroup")->isEnabled());
        QCOMPARE(shownRows(builder).size(), 2);
    }

    void sortControl()
    {
        FilterBuilder builder;
        builder.show();
        auto *control = child<QWidget>(&builder, "sortControl");
        QVERIFY(!control->isVisible()); // no sort fields: no sort control
        builder.setSortFields({QStringLiteral("name"), QStringLiteral("creationDate"), QStringLiteral("lastModified")});
        QVERIFY(control->isVisible());
        QCOMPARE(builder.query().sort, QString());

        auto *add = child<QToolButton>(&builder, "addSortKey");
        QTest::mouseClick(add, Qt::LeftButton);
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(builder.query().sort, QStringLiteral("name,creationDate"));
        QList<QComboBox *> directions = builder.findChildren<QComboBox *>(QStringLiteral("sortDirection"));
        QCOMPARE(directions.size(), 2);
        directions.at(1)->setCurrentIndex(1);
        QCOMPARE(builder.query().sort, QStringLiteral("name,-creationDate"));
        QTest::mouseClick(add, Qt::LeftButton);
        QVERIFY(!add->isEnabled()); // every field is used
        QCOMPARE(builder.query().sort, QStringLiteral("name,-creationDate,lastModified"));
        QTest::mouseClick(builder.findChildren<QToolButton *>(QStringLiteral("removeSortKey")).constFirst(),
                          Qt::LeftButton);
        QCOMPARE(builder.query().sort, QStringLiteral("-creationDate,lastModified"));
        QVERIFY(add->isEnabled());

        builder.setQuery(Query {QString(), QStringLiteral(" -lastModified , name")});
        QCOMPARE(builder.query().sort, QStringLiteral("-lastModified,name"));
        QTRY_COMPARE(builder.findChildren<QComboBox *>(QStringLiteral("sortField")).size(), 2);
        const QList<QComboBox *> fields = builder.findChildren<QComboBox *>(QStringLiteral("sortField"));
        directions = builder.findChildren<QComboBox *>(QStringLiteral("sortDirection"));
        QCOMPARE(fields.at(0)->currentData().toString(), QStringLiteral("lastModified"));
        QCOMPARE(directions.at(0)->currentData().toBool(), true);
        QCOMPARE(fields.at(1)->currentData().toString(), QStringLiteral("name"));
        QCOMPARE(directions.at(1)->currentData().toBool(), false);

        builder.setSortFields({});
        QVERIFY(!control->isVisible());
        QCOMPARE(builder.query().sort, QString());

        // Back on a vendor that sorts: "+ Sort key" works again (it stayed disabled for good).
        builder.setSortFields({QStringLiteral("name"), QStringLiteral("creationDate"), QStringLiteral("lastModified")});
        QVERIFY(control->isVisible());
        QVERIFY(add->isEnabled());
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(builder.query().sort, QStringLiteral("name"));
    }

    // Tab goes the way the rows read, even through a row added to an earlier group.
    void tabFollowsTheRows()
    {
        FilterBuilder builder;
        builder.show();
        builder.setQuery(Query {QStringLiteral("tags anyOf [\"a\"]|unbounded equals true"), QString()});
        const QList<QToolButton *> addButtons = builder.findChildren<QToolButton *>(QStringLiteral("addRowToGroup"));
        QCOMPARE(addButtons.size(), 2);
        QTest::mouseClick(addButtons.at(0), Qt::LeftButton);
        QCOMPARE(shownRows(builder).at(0).size(), 2);
        const QList<QFrame *> groups = builder.findChildren<QFrame *>(QStringLiteral("filterGroup"));
        FilterRow *added = groups.at(0)->findChildren<FilterRow *>().constLast();
        QTRY_COMPARE(nextTabStop(child<QToolButton>(added, "removeRow")), addButtons.at(0));
        // From the first group's "And..." to the second group's first control.
        QTRY_COMPARE(nextTabStop(addButtons.at(0)), groups.at(1)->findChild<QComboBox *>(QStringLiteral("field")));
    }

    void vendorExamplesRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        // The examples on LaunchDarkly's "List segments" page, as written there.
        QTest::newRow("tags and query") << QStringLiteral(
            "tags anyOf [\"enterprise\", \"beta\"],query equals \"toggle\"");
        QTest::newRow("excluded keys") << QStringLiteral("excludedKeys anyOf [\"segmentKey1\", \"segmentKey2\"]");
        QTest::newRow("unbounded") << QStringLiteral("unbounded equals true");
        QTest::newRow("tags alone") << QStringLiteral("tags anyOf [\"enterprise\", \"beta\"]");
        // And one of every field, with an OR, so every row editor takes part.
        QTest::newRow("every field") << QStringLiteral(
            "includedKeys anyOf [\"k1\"],external exists true|query equals [\"a\",\"b\"],unbounded "
            "equals false|query equals \"\"|query equals [\"one\"]");
    }

    void vendorExamplesRoundTrip()
    {
        QFETCH(QString, text);
        const QString expected = canonical(text);
        FilterBuilder builder;
        builder.show();

        // Shown, then read back unchanged.
        builder.setQuery(Query {text, QString()});
        QCOMPARE(builder.query().filter, expected);
        QCOMPARE(filterText(builder)->text(), expected);
        QVERIFY(!child<QLabel>(&builder, "nestedNote")->isVisible());
        // The rows hold the same filter: they write the same text back.
        QCOMPARE(ldfilter::print(ldfilter::fromRows(shownRows(builder))), expected);

        // Typed, then rewritten by an edit of the rows that changes nothing.
        builder.setQuery({});
        filterText(builder)->setFocus();
        QTest::keyClicks(filterText(builder), text);
        QCOMPARE(filterText(builder)->text(), text);
        FilterRow *row = lastRow(builder);
        QVERIFY(row);
        row->setTerm(row->term());
        emit row->changed();
        QCOMPARE(filterText(builder)->text(), expected);
        QCOMPARE(builder.query().filter, expected);

        builder.setSortFields({QStringLiteral("name"), QStringLiteral("creationDate")});
        builder.setQuery(Query {text, QStringLiteral("-name,creationDate")});
        grabIfAsked(builder, QString::fromLatin1(QTest::currentDataTag()));
    }
};

QTEST_MAIN(TestFilterBuilder)
#include "tst_filterbuilder.moc"
