import type { MessageId } from './en.js';

/**
 * Spanish, neutral (usted), for Spain and Latin America alike. Loaded with
 * import() only when the element's language is `es` or a regional variant.
 */
export const es = {
  // Grabación Helios.
  instructionsHelios:
    'Busque un lugar tranquilo. Pulse Grabar y hable con naturalidad sobre su día: cómo ha dormido, qué ha hecho, qué tiene por delante. Siga hablando hasta que se llene la barra de habla.',
  record: 'Grabar',
  recordAgain: 'Grabar de nuevo',
  stop: 'Detener',
  submit: 'Enviar',
  finishAndSubmit: 'Terminar y enviar',
  retake: 'Repetir',
  continueRecording: 'Seguir grabando',
  tryAgain: 'Reintentar',
  requestingPermission: 'Esperando el permiso para usar el micrófono…',
  recording: 'Grabando',
  speechProgress: 'Habla: {speech} de {min} s',
  speechEnough: 'Ya hay habla suficiente: puede enviar ahora o seguir hablando.',
  speechNeedMore: 'Siga hablando: aún faltan {remaining} s de habla.',
  stoppedTooEarly:
    'Hemos oído unos {speech} s de habla y necesitamos {min} s. Siga grabando para añadir más o repita desde el principio.',
  autoStoppedTooShort:
    'La grabación se detuvo al llegar al límite de {max} con solo {speech} s de habla. Repítala e intente hablar de forma un poco más continua.',
  reviewReady: 'Grabación lista: {duration}, con {speech} s de habla.',
  uploading: 'Subiendo la grabación…',
  uploadRetrying: 'Se perdió la conexión; reintentando…',
  processing: 'Analizando la grabación. Suele tardar menos de un minuto.',
  complete: 'Gracias: la grabación se ha analizado.',
  levelMeter: 'Nivel del micrófono',
  timer: 'Tiempo transcurrido',
  uploadProgress: 'Progreso de la subida',
  ERR_RECORDING_TOO_SHORT:
    'No hemos oído suficiente habla. Vuelva a grabar y hable un poco más de tiempo.',
  ERR_TRANSCRIPTION_FAILED:
    'No hemos podido captar bien su voz. Compruebe que el micrófono esté conectado y no silenciado, y vuelva a grabar en un lugar tranquilo.',
  ERR_RECORDING_TOO_LONG: 'La grabación duró más de 3 minutos. Vuelva a grabar y hágala más breve.',
  ERR_RECORDING_INVALID_FORMAT:
    'No se ha podido leer la grabación. Vuelva a grabar; si sigue ocurriendo, pruebe con otro navegador.',
  ERR_INTERNAL: 'Algo salió mal al analizar la grabación. Inténtelo de nuevo dentro de un momento.',
  modelErrorUnknown: 'No se ha podido analizar la grabación. Vuelva a grabar.',
  'mic-permission-denied':
    'Se ha bloqueado el acceso al micrófono. Permita el micrófono para este sitio en la configuración del navegador y vuelva a intentarlo.',
  'mic-not-found': 'No se ha encontrado ningún micrófono. Conecte uno y vuelva a intentarlo.',
  'mic-lost': 'El micrófono dejó de funcionar durante la grabación. Se ha conservado lo grabado hasta ese momento.',
  'unsupported-browser':
    'Este navegador no puede grabar audio. Use una versión reciente de Chrome, Edge, Firefox o Safari.',
  'too-short': 'Todavía no hay habla suficiente.',
  'missing-config':
    'Esta página aún no está preparada para enviar grabaciones. Su grabación se ha conservado; inténtelo más tarde.',
  'upload-failed':
    'No se ha podido enviar la grabación. Se conserva en este dispositivo: compruebe la conexión y vuelva a intentarlo.',
  'upload-url-expired':
    'El enlace de subida ha caducado. La grabación se conserva en este dispositivo; recargue la página o inténtelo más tarde.',
  'status-failed': 'No hemos podido consultar sus resultados. Inténtelo de nuevo dentro de un momento.',
  'invalid-status-response':
    'Hemos recibido una respuesta inesperada mientras esperábamos los resultados. Inténtelo más tarde.',
  'model-error': 'No se ha podido analizar la grabación. Vuelva a grabar.',
  'data-deleted': 'Estos resultados ya no están disponibles. Es posible que se hayan eliminado según lo acordado.',
  'storage-failed':
    'No se ha podido guardar la grabación en este dispositivo; no cierre esta página hasta que se haya enviado.',
  // Resultados (bienestar, nunca diagnóstico).
  resultsHeading: 'Su resumen de bienestar',
  resultsDisclaimer:
    'Estas puntuaciones describen cómo sonaba hoy su voz en comparación con personas como usted. Son un indicador de bienestar, no un diagnóstico médico.',
  mentalStrain: 'Carga mental general',
  distress: 'Malestar',
  stress: 'Estrés',
  exhaustion: 'Agotamiento',
  sleepPropensity: 'Somnolencia',
  lowSelfEsteem: 'Baja autoestima',
  bucketLow: 'Bajo',
  bucketModeratelyLow: 'Moderadamente bajo',
  bucketModeratelyHigh: 'Moderadamente alto',
  bucketHigh: 'Alto',
  warningsHeading: 'Léalo con cautela',
  transcriptHeading: 'Lo que hemos oído',
  scoreOutOf: '{value} de 100',
  // Una grabación conservada de una visita anterior.
  restoredOffer:
    'Se guardó en este dispositivo una grabación anterior ({duration}, {speech} s de habla) que aún no se ha enviado. Envíela ahora o descártela y vuelva a grabar.',
  restoredTooShort:
    'Se guardó en este dispositivo una grabación anterior ({duration}), pero solo tiene {speech} s de habla. Descártela y vuelva a grabar.',
  restoreUpload: 'Enviar grabación',
  discard: 'Descartar',
  // Consentimiento.
  consentTitle: 'Antes de empezar',
  consentText:
    'Al pulsar Grabar, se grabará su voz durante un breve periodo. La grabación se envía a thymia, que la procesa para el sitio en el que se encuentra, con el fin de estimar indicadores de bienestar o para la evaluación clínica que utiliza este sitio. Puede detenerse en cualquier momento.',
  consentCheckbox: 'Acepto que se grabe mi voz y se envíe a thymia con este fin.',
  // Horas de sueño.
  sleepOptionalHint: 'Su sueño de anoche (opcional: hace que los resultados sean más precisos)',
  sleepTimeLabel: 'Se durmió',
  wakeTimeLabel: 'Se despertó',
  // Calidad de la grabación.
  qualityAdvice: 'Es posible que esta grabación no dé resultados precisos.',
  qualityMostlySilence: 'La mayor parte de la grabación fue silencio. Hable de forma continua y cerca del micrófono.',
  qualityTooQuiet: 'Su voz se oía muy baja. Acérquese al micrófono o hable un poco más alto.',
  qualityClipping:
    'Su voz sonaba demasiado fuerte para el micrófono y se distorsiona. Aléjese un poco o hable más suavemente.',
  qualityLowSampleRate: 'El micrófono grabó con baja calidad. Si puede, use otro micrófono o unos auriculares con micrófono.',
  qualityProcessingOn:
    'Su dispositivo filtró el sonido (supresión de ruido o volumen automático). Si puede, use otro micrófono.',
  submitAnyway: 'Enviar de todos modos',
  // Micrófono.
  // Pauses and interruptions.
  pause: 'Pausar',
  resume: 'Reanudar',
  pausedUser: 'En pausa. Lo grabado se conserva: pulse Reanudar cuando quiera continuar.',
  pausedMuted: 'Grabación en pausa: el micrófono se ha quedado en silencio; quizá una llamada, un asistente de voz u otra aplicación lo esté usando. Lo grabado se conserva; pulse Reanudar cuando esté listo.',
  pausedEnded: 'Grabación en pausa: el micrófono dejó de funcionar; puede que se haya desconectado o que otra aplicación lo esté usando. Lo grabado se conserva; pulse Reanudar para continuar, con otro micrófono si hace falta.',
  pausedInterrupted: 'Grabación en pausa: su dispositivo interrumpió el sonido (una llamada, una alarma u otra aplicación). Lo grabado se conserva; pulse Reanudar cuando esté listo.',
  pausedHidden: 'Grabación en pausa porque la página quedó oculta (pantalla bloqueada u otra aplicación abierta). Lo grabado se conserva; pulse Reanudar para continuar.',
  pausedDeviceLost: 'Grabación en pausa: su micrófono se desconectó. Lo grabado se conserva; pulse Reanudar para continuar con otro micrófono.',
  micSilent: 'No oímos nada por su micrófono. Compruebe que no esté silenciado o elija otro micrófono.',
  deviceSelectLabel: 'Micrófono',
  // Autodiagnóstico.
  insecureContext:
    'El navegador solo permite usar el micrófono en páginas seguras (https), y esta no lo es. Informe de ello al sitio.',
  noMediaRecorder:
    'Este navegador no puede grabar audio. Actualícelo o use una versión reciente de Chrome, Edge, Firefox o Safari.',
  permissionsPolicy: 'La página en la que se muestra esta grabadora no le permite usar el micrófono. Informe de ello al sitio.',
  // Avisos para lectores de pantalla.
  // Cuestionarios.
  questionnaireTitle: 'Cuestionario',
  questionnaireCompletedAt: 'Completado el {date}',
  questionnaireScore: 'Puntuación: {score}',
  // Pasos de Apollo.
  stepsLabel: 'Pasos',
  stepMoodQuestion: 'Cómo se siente',
  stepReadAloud: 'Lectura en voz alta',
  stepDone: 'hecho',
  moodQuestion: '¿Cómo se siente hoy?',
  moodQuestionHint:
    'Pulse Grabar y responda con sus propias palabras; no hay respuestas correctas ni incorrectas. Siga hablando hasta que se llene la barra de habla ({min} s de habla).',
  readAloudIntro:
    'Pulse Grabar y lea este texto en voz alta a su ritmo habitual. Si llega al final antes de que se llene la barra de habla, vuelva a empezar.',
  // «El viento norte y el sol» (Esopo, dominio público), en la versión castellana habitual en fonética.
  readAloudTitle: 'El viento norte y el sol',
  readAloudPassage:
    'El viento norte y el sol porfiaban sobre cuál de ellos era el más fuerte, cuando acertó a pasar un viajero envuelto en ancha capa. Convinieron en que quien antes lograra obligar al viajero a quitarse la capa sería considerado más poderoso. El viento norte sopló con gran furia, pero cuanto más soplaba, más se arrebujaba en su capa el viajero; por fin el viento norte abandonó la empresa. Entonces brilló el sol con ardor, e inmediatamente se despojó de su capa el viajero; por lo que el viento norte hubo de reconocer la superioridad del sol.',
  next: 'Siguiente',
  finishAndNext: 'Terminar y seguir',
  reviewHeading: 'Sus grabaciones',
  reviewTake: '{duration} · {speech} s de habla',
  retakeStep: 'Repetir: {step}',
  takeSent: 'Enviada',
  uploadingApollo: 'Subiendo las grabaciones…',
  processingApollo: 'Se están procesando sus grabaciones. Suele tardar menos de un minuto.',
  // Resultados de Apollo (para profesionales).
  apolloSubmitted: 'Gracias: sus grabaciones se han enviado.',
  apolloHeading: 'Evaluación clínica Apollo',
  apolloClinicianNotice:
    'Solo para profesionales sanitarios cualificados. Un clínico debe revisar estos resultados antes de tomar cualquier medida, y no deben compartirse con el paciente sin revisión clínica. Apoyan el juicio clínico; no son un diagnóstico.',
  apolloNotForCrisis:
    'Apollo no está validado para urgencias. Si el paciente está en crisis, siga sus protocolos de emergencia habituales.',
  apolloWarningsHeading: 'Advertencias: revíselas antes de actuar según estos resultados',
  depression: 'Depresión mayor',
  anxiety: 'Trastorno de ansiedad generalizada',
  benchmarkDepression: 'Comparado con PHQ-9',
  benchmarkAnxiety: 'Comparado con GAD-7',
  probability: 'Probabilidad',
  severity: 'Gravedad',
  bandLow: 'Probabilidad baja: por debajo del umbral diagnóstico',
  bandBorderline: 'Límite: se recomienda una evaluación adicional',
  bandModerate: 'Probabilidad moderada: compatible con el cuadro clínico',
  bandHigh: 'Probabilidad alta: muy compatible con el diagnóstico',
  symptomsDepression: 'Síntomas de depresión',
  symptomsAnxiety: 'Síntomas de ansiedad',
  anhedonia: 'Anhedonia',
  lowmood: 'Estado de ánimo bajo',
  sleepissues: 'Problemas de sueño',
  lowenergy: 'Falta de energía',
  appetiteissues: 'Problemas de apetito',
  worthlessnessissues: 'Inutilidad / culpa',
  concentrationissues: 'Dificultad para concentrarse',
  psychomotorissues: 'Cambios psicomotores',
  nervousness: 'Nerviosismo',
  uncontrollableworry: 'Preocupación incontrolable',
  excessiveworry: 'Preocupación excesiva',
  troublerelaxing: 'Dificultad para relajarse',
  restlessness: 'Inquietud',
  irritability: 'Irritabilidad',
  dread: 'Temor',
  levelNone: 'Ninguno',
  levelMild: 'Leve',
  levelModerate: 'Moderado',
  levelSevere: 'Grave',
  distributionLabel: 'Ninguno {none} %, leve {mild} %, moderado {moderate} %, grave {severe} %',
  percent: '{value} %',
  modelVersion: 'Versión del modelo {version}. No compare directamente resultados de versiones distintas del modelo.',
  reportHeading: 'Informe clínico',
  reportView: 'Ver informe',
  reportPdf: 'Descargar PDF',
  reportExpires: 'Los enlaces del informe caducan el {time}.',
  reportExpired: 'Los enlaces del informe caducaron el {time}. Recargue la página para obtener otros nuevos.',
  // Llamadas con agente de voz.
  emotionsHeading: 'Emociones',
  callHeading: 'Resumen de la llamada',
  callDuration: 'Duración',
  callEndReason: 'Motivo de finalización',
  callOutcome: 'Resultado',
  callSentiment: 'Tono',
  callOverview: 'Resumen',
  callKeyTopics: 'Temas principales',
  callActionItems: 'Tareas pendientes',
  callTranscript: 'Transcripción',
  roleAssistant: 'Agente',
  roleUser: 'Usuario',
  callEnded: 'La llamada ha terminado. Gracias.',
  callBusy: 'La línea estaba ocupada y la llamada no se realizó.',
  callNoAnswer: 'Nadie respondió a la llamada.',
  callCanceled: 'La llamada se canceló.',
  callFailed: 'No se pudo completar la llamada.',
  // Seguir una llamada o una actividad.
  followWaiting: 'Esperando los resultados…',
  followStatus: 'Estado: {status}',
  activityIntro:
    'Continúe en la actividad de thymia. Mantenga esta página abierta: sus resultados aparecerán aquí cuando termine.',
  activityOpen: 'Abrir la actividad',
  activityFrameTitle: 'Actividad de thymia',
  activityUnavailable: 'El enlace de la actividad no está disponible. Inténtelo más tarde.',
  // History against the person's own baseline (history-url).
  historyHeading: 'Comparado con lo habitual en usted',
  historyProgress: '{count} de {total} sesiones para su referencia',
  historyForming: 'Su referencia es su nivel habitual, tomado de sus primeras {total} sesiones. Cuando exista, cada resultado se mostrará frente a ella.',
  historyLower: 'Más bajo de lo habitual',
  historyUsual: 'Como de costumbre',
  historyHigher: 'Más alto de lo habitual',
  historyNote: 'Lo habitual es el valor central de sus primeras {total} sesiones. Un resultado puede variar de un día a otro; un cambio a lo largo de varias sesiones dice más.',
  historyTableCaption: '{name}: sus sesiones recientes',
  historySession: 'Sesión',
  historyReading: 'Resultado',
  historyUsualRow: 'Lo habitual',
} as const satisfies Record<MessageId, string>;
