// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads arbitrary JSON shapes from the stream
export type Message = { id?: string; event?: string; data?: any };

/** What a display board does: reads a server-sent event stream and keeps every message. */
export async function openStream(url: string) {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream' }, signal: controller.signal });
  const messages: Message[] = [];
  const pump = (async () => {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
          const msg: Message = {};
          for (const line of buffer.slice(0, i).split('\n')) {
            const [field, ...rest] = line.split(': ');
            if (field === 'id') msg.id = rest.join(': ');
            else if (field === 'event') msg.event = rest.join(': ');
            else if (field === 'data') msg.data = JSON.parse(rest.join(': '));
          }
          buffer = buffer.slice(i + 2);
          if (msg.event) messages.push(msg);
        }
      }
    } catch {
      // closed by the test
    }
  })();
  return {
    res,
    messages,
    async close() {
      controller.abort();
      await pump;
    },
  };
}
