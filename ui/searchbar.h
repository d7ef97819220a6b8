#pragma once

#include <QPointer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
QT_END_NAMESPACE

namespace sb {

class SegmentSearchProxy;

// The quick search (KeePassXC's SearchWidget): a field that narrows the table to the loaded rows
// that contain its text, and a count of them. Escape clears it; Enter asks to go to the first match.
class SearchBar final : public QWidget
{
    Q_OBJECT

public:
    explicit SearchBar(QWidget *parent = nullptr);

    // The rows it searches: `proxy` over the loaded rows (not owned; may be null).
    void setProxy(SegmentSearchProxy *proxy);
    void focusSearch();
    void clear();
    QLineEdit *edit() const { return m_edit; }
    // "12 of 2,000 loaded rows match", or empty while nothing is searched.
    QString statusText() const;

signals:
    // Enter in the field while at least one row matches.
    void enterPressed();

private:
    void updateStatus();

    QLineEdit *m_edit;
    QLabel *m_status;
    QPointer<SegmentSearchProxy> m_proxy;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace sb
