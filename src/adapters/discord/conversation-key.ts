/**
 * Follow-up memory key for Discord: one conversation per (channel or thread, user). Users never see
 * each other's earlier turns, even in the same channel, and a thread is its own conversation.
 */
export function conversationKey(channelId: string, userId: string): string {
  return `discord:${channelId}:${userId}`;
}
