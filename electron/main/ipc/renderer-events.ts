import { EVENT_CHANNELS, type EventMethod } from '../../../shared/ipc/channels';
import { EVENT_CONTRACT, type EventPayload } from '../../../shared/ipc/contract';

export type EventSink = (channel: string, payload: unknown) => void;

export interface RendererEvents {
  publish<E extends EventMethod>(event: E, payload: EventPayload<E>): void;
  /** Connects a window (Electron) or a page (Chromium host); returns the disconnect function. */
  connect(sink: EventSink): () => void;
}

/**
 * Pushes events from the main process to the renderer. Payloads are checked against the contract on the
 * way out, like responses. An event published while no window is connected is dropped: a renderer that
 * loads later asks for the current state itself.
 */
export function createRendererEvents(): RendererEvents {
  const sinks = new Set<EventSink>();
  return {
    publish(event, payload) {
      const checked = EVENT_CONTRACT[event].parse(payload);
      for (const sink of sinks) sink(EVENT_CHANNELS[event], checked);
    },
    connect(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
  };
}
