#pragma once

#include "core/vendorapi.h"

#include "core/profile.h"

#include <QByteArray>
#include <QList>
#include <QTextCursor>
#include <QUrl>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QToolButton;
class QTreeWidget;
QT_END_NAMESPACE

namespace sb {

class VendorApi;

// The selected segment in detail, beside the table: its name, the vendor's key facts, the
// vendor's structured parts as a tree (rules, owner, criteria), and the full record as
// pretty-printed JSON that can be searched and copied. Everything it shows of a vendor comes
// from VendorApi::details() and webUrl(); the pane itself knows no vendor.
class DetailPane final : public QWidget
{
    Q_OBJECT

public:
    explicit DetailPane(QWidget *parent = nullptr);

    // Shows one record (the vendor's JSON as Segment::json holds it). A record that is not a
    // JSON object is still shown as it came, with a note that it could not be read.
    void setSegment(const VendorApi *vendor, const Profile &profile, const QByteArray &recordJson);
    // A segment before and after a change: the details of the record after it (before it, for a
    // removed one), and the two records' JSON line by line, removed lines marked "−" and added
    // ones "+". `fields` are the content fields that changed. An empty record is none (added, removed).
    void setChange(const VendorApi *vendor, const Profile &profile, const QByteArray &before, const QByteArray &after,
                   const QString &change, const QStringList &fields);
    // Who uses the segment on show (LaunchDarkly: the flags whose rules match it), under `title`:
    // each by name and key, linked to its page in the vendor's web app. `note` instead of the list
    // while they are being read, or why they could not be; an empty title hides the section.
    void setUsers(const QString &title, const QList<SegmentUser> &users, const QString &note = {});
    QString usersText() const; // what the section says, as plain text (for tests and accessibility)
    // Back to "Select a segment to see its details."
    void clear();

    // The pretty-printed JSON on show (what Copy JSON copies); empty when cleared.
    QString json() const { return m_json; }
    // The web app page of the record on show; invalid when there is none.
    QUrl webUrl() const { return m_webUrl; }

public slots:
    void findNext();
    void findPrevious();
    void copyJson();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateTitleFont();
    void updateMatches();
    void moveToMatch(qsizetype index);
    void updateHighlights();
    void fitTreeHeight();
    void openWebUrl();

    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    QScrollArea *m_scroll;
    QLabel *m_title;
    QWidget *m_facts;
    QFormLayout *m_factsLayout;
    QTreeWidget *m_sections;
    QLineEdit *m_find;
    QLabel *m_findStatus;
    QToolButton *m_findPrevious;
    QToolButton *m_findNext;
    QPlainTextEdit *m_jsonView;
    QPushButton *m_copyJson;
    QLabel *m_openWeb; // a link, shown only when the vendor has a web page for the record
    QLabel *m_usersTitle;
    QLabel *m_users; // the users' links, or the note
    QList<QPair<int, bool>> m_diffLines; // the JSON view's changed lines: (block number, added)

    QString m_json;
    QUrl m_webUrl;
    QList<QTextCursor> m_matches;
    qsizetype m_current = -1;
    QByteArray m_lastRecord; // the record setSegment showed last, for keeping the search across a reload
};

} // namespace sb
