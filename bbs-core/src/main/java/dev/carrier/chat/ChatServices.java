package dev.carrier.chat;

import dev.carrier.ignore.Ignores;
import dev.carrier.message.Messenger;
import dev.carrier.message.SendBudgets;
import dev.carrier.presence.Presence;
import dev.carrier.session.Nodes;
import dev.carrier.sysop.NodeAdmin;
import dev.carrier.sysop.SysopChat;
import dev.carrier.sysop.SysopRights;
import dev.carrier.who.ProfileCard;
import dev.carrier.runtime.Workers;
import dev.carrier.user.UserStore;
import java.time.Clock;

/**
 * What the chat stage and its slash commands use, built once at wiring time and shared by every
 * chatter.
 *
 * @param chat      the room
 * @param presence  statuses for /away, /dnd, /back and /who
 * @param messenger /msg, /r, /page, /msgs
 * @param budgets   the sender's budget, shared with direct messages and pages
 * @param nodeAdmin /kick and /broadcast, behind {@code rights}
 * @param rights    the sysop check, read from the store at each command
 * @param nodes     which transports a chatter came in on, for /who
 * @param cards     /whois
 * @param clock     idle times in /who, the time in the status bar
 * @param users     /layout keeps the choice in the user's preferences
 * @param workers   where /layout's store runs
 * @param archive   the rooms' kept lines, for /history
 * @param ignores   /ignore and /unignore
 * @param sysopChat /chat (a sysop's break-in) and /page sysop
 */
public record ChatServices(ChatManager chat, Presence presence, Messenger messenger, SendBudgets budgets,
        NodeAdmin nodeAdmin, SysopRights rights, Nodes nodes, ProfileCard cards, Clock clock, UserStore users,
        Workers workers, ChatArchive archive, Ignores ignores, SysopChat sysopChat) {}
