/** Whether each early identification rule fires for a pupil's figures, and the words that say why. */
export {};
