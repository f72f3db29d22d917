/**
 * Joins the parts of one take into one file. A take has several parts when
 * its microphone went away mid-take (unplugged, another app took it) or an
 * earlier page kept it paused: each part is a whole MediaRecorder file with
 * its own header and timestamps from zero, so the bytes cannot simply be
 * concatenated (a decoder stops at the second header, or reads overlapping
 * times). Instead the encoded packets are copied into one new container —
 * no decoding, no re-encoding, so the audio and the bitrate stay exactly
 * what the recorders made — each part's packets shifted to start where the
 * previous part ended. Mediabunny reads and writes WebM, Ogg and MP4 in
 * plain TypeScript (no WebCodecs needed for copying packets).
 *
 * Loaded on demand: a take that was never interrupted never downloads it.
 */
import {
  BlobSource,
  BufferTarget,
  EncodedAudioPacketSource,
  EncodedPacketSink,
  Input,
  MP4,
  Mp4OutputFormat,
  OGG,
  OggOutputFormat,
  Output,
  WEBM,
  WebMOutputFormat,
  type EncodedPacket,
  type OutputFormat,
} from 'mediabunny';
import { baseMimeType } from './mime.js';

function outputFormat(mimeType: string): OutputFormat {
  const base = baseMimeType(mimeType);
  if (base.endsWith('/mp4')) return new Mp4OutputFormat({ fastStart: 'in-memory' });
  if (base.endsWith('/ogg')) return new OggOutputFormat();
  return new WebMOutputFormat();
}

/** One part: its file, and how many seconds of it belong to the take (the rest is cut). */
export interface JoinablePart {
  readonly blob: Blob;
  readonly seconds: number;
}

/**
 * The parts' audio packets, in order, each part's timestamps following on
 * from the one before. A part's packets beyond its `seconds` are left out:
 * WebKit's MP4 recorder runs on for about a second after a pause to finish
 * its fragment, and that audio was not part of the take.
 */
export async function joinParts(parts: readonly JoinablePart[], mimeType: string): Promise<Blob> {
  const output = new Output({ format: outputFormat(mimeType), target: new BufferTarget() });
  let source: EncodedAudioPacketSource | undefined;
  let offset = 0;
  let written = 0;
  let firstConfig = true;
  for (const { blob, seconds } of parts) {
    const input = new Input({ source: new BlobSource(blob), formats: [WEBM, OGG, MP4] });
    const track = await input.getPrimaryAudioTrack().catch(() => null);
    // A part that holds no readable audio (a recorder stopped before its first slice) adds nothing.
    if (!track?.codec) continue;
    const decoderConfig = (await track.getDecoderConfig()) ?? undefined;
    if (!source) {
      source = new EncodedAudioPacketSource(track.codec);
      output.addAudioTrack(source);
      await output.start();
    }
    const sink = new EncodedPacketSink(track);
    const packets: EncodedPacket[] = [];
    for (let packet = await sink.getFirstPacket(); packet; packet = await sink.getNextPacket(packet)) packets.push(packet);
    // Each part starts at its own earliest packet (not always the first one read: Firefox's WebM after a lost track).
    const start = Math.min(...packets.map((packet) => packet.timestamp));
    let end = offset;
    for (const packet of packets) {
      if (packet.timestamp - start >= seconds) continue;
      // Never backwards: a container writer refuses a packet earlier than one already written.
      const timestamp = Math.max(written, offset + packet.timestamp - start);
      // The first packet carries the decoder configuration (the first part's: the codec and its rate stay the same).
      await source.add(packet.clone({ timestamp }), firstConfig && decoderConfig ? { decoderConfig } : undefined);
      firstConfig = false;
      written = timestamp;
      end = Math.max(end, timestamp + packet.duration);
    }
    offset = end;
    input.dispose();
  }
  if (!source) return new Blob(parts.map((part) => part.blob), { type: mimeType });
  source.close();
  await output.finalize();
  const buffer = (output.target as BufferTarget).buffer;
  return new Blob(buffer ? [buffer] : [], { type: mimeType });
}
