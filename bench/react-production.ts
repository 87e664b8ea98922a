// React chooses its development or production server renderer when it is first loaded,
// from NODE_ENV; the development one is markedly slower. Imported first by the
// bench so the figures are those of a production server unless NODE_ENV says otherwise.
process.env.NODE_ENV ??= "production";
