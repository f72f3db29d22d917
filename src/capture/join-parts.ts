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

/** The parts' audio packets, in order, each part's timestamps following on from the one before. */
export async function joinParts(parts: readonly Blob[], mimeType: string): Promise<Blob> {
  const output = new Output({ format: outputFormat(mimeType), target: new BufferTarget() });
  let source: EncodedAudioPacketSource | undefined;
  let offset = 0;
  let firstConfig = true;
  for (const part of parts) {
    const input = new Input({ source: new BlobSource(part), formats: [WEBM, OGG, MP4] });
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
    let start: number | undefined;
    let end = offset;
    let packet: EncodedPacket | null = await sink.getFirstPacket();
    while (packet) {
      start ??= packet.timestamp;
      const timestamp = offset + Math.max(0, packet.timestamp - start);
      // The first packet carries the decoder configuration (the first part's: the codec and its rate stay the same).
      await source.add(packet.clone({ timestamp }), firstConfig && decoderConfig ? { decoderConfig } : undefined);
      firstConfig = false;
      end = Math.max(end, timestamp + packet.duration);
      packet = await sink.getNextPacket(packet);
    }
    offset = end;
    input.dispose();
  }
  if (!source) return new Blob(parts as Blob[], { type: mimeType });
  source.close();
  await output.finalize();
  const buffer = (output.target as BufferTarget).buffer;
  return new Blob(buffer ? [buffer] : [], { type: mimeType });
}
