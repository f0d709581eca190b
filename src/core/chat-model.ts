/**
 * The one thing the LLM answerer needs from a chat model: messages in, text out. The LangChain
 * OpenAI-compatible client is adapted to it in `openai-chat-model.ts`; tests can pass anything.
 */
export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface ChatModel {
  invoke(messages: ChatMessage[], options?: { signal?: AbortSignal }): Promise<string>;
}
