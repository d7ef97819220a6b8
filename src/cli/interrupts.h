#pragma once

#include <QObject>

namespace sb::cli {

// SIGINT, SIGTERM and SIGHUP as a Qt signal on the main thread (through a pipe the handler writes
// to): a command cancels what runs, unwinds (its temporary file goes with the unfinished save
// file), and the program exits 128 + the signal's number, as shells expect.
class Interrupts final : public QObject
{
    Q_OBJECT

public:
    // Installs the handlers on first use.
    static Interrupts *instance();
    // While one lives, a signal is delivered as interrupted() for the command to cancel; with
    // none (nothing that could be left half done), a signal has its default effect at once.
    class Listening
    {
    public:
        Listening();
        ~Listening();
        Listening(const Listening &) = delete;
        Listening &operator=(const Listening &) = delete;
    };
    // The signal received, 0 while none was.
    int received() const { return m_received; }
    // "SIGINT", "SIGTERM", "SIGHUP".
    static QString name(int signal);

signals:
    void interrupted(int signal);

private:
    Interrupts();
    void onReadable();

    int m_received = 0;
};

} // namespace sb::cli
