#include "interrupts.h"

#include <QSocketNotifier>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace sb::cli {

namespace {

int g_pipe[2] = {-1, -1};
// Lock-free atomics: safe to read in a signal handler.
std::atomic<int> g_listening {0}; // commands that can cancel cleanly are running
std::atomic<int> g_caught {0};

void onSignal(int signal)
{
    // Nothing to cancel (a command waiting on standard input, opening a FIFO…), or a second
    // signal while the first is handled: the signal's own default, at once.
    if (!g_listening || g_caught) {
        ::signal(signal, SIG_DFL);
        ::raise(signal);
        return;
    }
    g_caught = signal;
    // Async-signal-safe: one byte down the pipe, read on the main thread; errno as it was.
    const int savedErrno = errno;
    const unsigned char byte = static_cast<unsigned char>(signal);
    [[maybe_unused]] const ssize_t written = ::write(g_pipe[1], &byte, 1);
    errno = savedErrno;
}

} // namespace

Interrupts *Interrupts::instance()
{
    static Interrupts *interrupts = new Interrupts;
    return interrupts;
}

Interrupts::Interrupts()
{
    if (::pipe2(g_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, &Interrupts::onReadable);
    struct sigaction action
    {
    };
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int signal : {SIGINT, SIGTERM, SIGHUP})
        sigaction(signal, &action, nullptr);
}

void Interrupts::onReadable()
{
    unsigned char byte = 0;
    while (::read(g_pipe[0], &byte, 1) == 1) {
        if (m_received == 0) {
            m_received = byte;
            emit interrupted(byte);
        }
    }
}

Interrupts::Listening::Listening()
{
    instance();
    ++g_listening;
}

Interrupts::Listening::~Listening()
{
    --g_listening;
}

QString Interrupts::name(int signal)
{
    switch (signal) {
    case SIGINT:
        return QStringLiteral("SIGINT");
    case SIGTERM:
        return QStringLiteral("SIGTERM");
    case SIGHUP:
        return QStringLiteral("SIGHUP");
    default:
        return QStringLiteral("signal %1").arg(signal);
    }
}

} // namespace sb::cli
