import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  text: { color: '#7df3e1', fontSize: 22, fontWeight: 700 },
});

/** The short mark shown when the sidebar is collapsed. */
export const LogoIcon = () => {
  const classes = useStyles();
  return <span className={classes.text}>FP</span>;
};
